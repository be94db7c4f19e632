using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.LevyTransfers;

/// <summary>
/// Levy transfers in the staff workspace: an employer's pledges and what remains of them, applications received (with
/// their match) to approve or reject, and as an applicant their own applications and accepting the funding. Every action
/// is the API's (<see cref="LevyTransferFunctions"/>) through the same services; each form carries the application's
/// version, so a decision on an application someone else has just changed gets the conflict page, never applied.
/// </summary>
public static class LevyTransferPages
{
    public const string Root = "/staff/levy";

    /// <summary>
    /// The reject page's text box. Not the API's "reason": that name is the close page's radios in FieldIds (its error link
    /// goes to "reason-1"), so a text box by that name would get a summary link to nowhere. Core's "reason" errors land here.
    /// </summary>
    public const string ReasonField = "rejectionReason";

    private static readonly StaffRole[] Employers = [StaffRole.Employer, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("StaffLevy", "GET", "staff/levy", OverviewAsync, Guard),
        HttpFunction.Page("StaffLevyPledge", "GET", "staff/levy/pledges/{id}", PledgeAsync, Guard),
        HttpFunction.Page("StaffLevyApplication", "GET", "staff/levy/applications/{id}", ApplicationAsync, Guard),
        HttpFunction.Page("StaffLevyApprove", "POST", "staff/levy/applications/{id}/approve", (HttpContext h, string id, PledgeApplicationService s, CancellationToken ct) => ActAsync(h, id, ApplicationAction.Approve, s, ct), Guard),
        HttpFunction.Page("StaffLevyRejecting", "GET", "staff/levy/applications/{id}/reject", RejectPageAsync, Guard),
        HttpFunction.Page("StaffLevyReject", "POST", "staff/levy/applications/{id}/reject", (HttpContext h, string id, PledgeApplicationService s, CancellationToken ct) => ActAsync(h, id, ApplicationAction.Reject, s, ct), Guard),
        HttpFunction.Page("StaffLevyAccept", "POST", "staff/levy/applications/{id}/accept", (HttpContext h, string id, PledgeApplicationService s, CancellationToken ct) => ActAsync(h, id, ApplicationAction.Accept, s, ct), Guard),
    ];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(Employers);

    private static async Task<IResult> OverviewAsync(HttpContext http, PledgeService pledges, PledgeApplicationService applications, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var mine = await pledges.ListAsync(staff, null, ct) is Result<IReadOnlyList<PledgeView>>.Ok p ? p.Value : [];
        var yours = await applications.ListForApplicantAsync(staff, null, ct) is Result<IReadOnlyList<ApplicationView>>.Ok a ? a.Value : [];
        return StaffHtml.Page(http, new StaffLevyPage(mine, await applications.AwaitingDecisionAsync(staff, ct), yours));
    }

    private static async Task<IResult> PledgeAsync(HttpContext http, string id, PledgeService pledges, PledgeApplicationService applications, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        if (await pledges.GetAsync(staff, id, ct) is not Result<PledgeView>.Ok pledge
            || await applications.ListForPledgeAsync(staff, id, ct) is not Result<IReadOnlyList<ApplicationView>>.Ok received)
        {
            return StaffHtml.NotFound(http);
        }

        return StaffHtml.Page(http, new StaffLevyPledgePage(pledge.Value, received.Value));
    }

    private static async Task<IResult> ApplicationAsync(HttpContext http, string id, PledgeApplicationService applications, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        return await applications.FindAsync(staff, id, ct) is Result<Versioned<ApplicationView>>.Ok ok
            ? StaffHtml.Page(http, PageOf(staff, ok.Value))
            : StaffHtml.NotFound(http);
    }

    private static StaffLevyApplicationPage PageOf(StaffPrincipal staff, Versioned<ApplicationView> versioned)
    {
        var application = versioned.Value;
        var owner = application.PledgeEmployerCode is { } code && staff.CanActFor(code);
        return new StaffLevyApplicationPage(
            application,
            versioned.ETag.ToString(),
            CanDecide: owner && application.Status == ApplicationStatus.Pending,
            CanAccept: staff.CanActFor(application.EmployerCode) && application.Status == ApplicationStatus.Approved);
    }

    private static async Task<IResult> RejectPageAsync(HttpContext http, string id, PledgeApplicationService applications, CancellationToken ct) =>
        await applications.FindAsync(StaffAccess.StaffOf(http), id, ct) is Result<Versioned<ApplicationView>>.Ok ok
            ? StaffHtml.Page(http, new StaffLevyRejectPage(ok.Value.Value, ok.Value.ETag.ToString(), FormView.Empty))
            : StaffHtml.NotFound(http);

    /// <summary>A decision from a page: the version from its hidden field, then back to the application (post/redirect/get).</summary>
    private static async Task<IResult> ActAsync(HttpContext http, string id, ApplicationAction action, PledgeApplicationService applications, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var form = await http.Request.ReadFormAsync(ct);
        var version = form[StaffFormFields.Version].ToString();
        var reason = form[ReasonField].ToString().Trim();
        var result = await applications.ActAsync(staff, id, action, reason.Length > 0 ? reason : null, version.Length > 0 ? new ETag(version) : null, ct);
        var back = new StaffLink($"{Root}/applications/{id}", "Back to the application");
        switch (result)
        {
            case Result<ApplicationView>.Ok:
                return StaffHtml.SeeOther(http, $"{Root}/applications/{id}");
            case Result<ApplicationView>.Invalid invalid when await applications.FindAsync(staff, id, ct) is Result<Versioned<ApplicationView>>.Ok current:
                var values = new Dictionary<string, string[]> { [ReasonField] = [reason] };
                var errors = invalid.Errors.ToDictionary(e => e.Key == "reason" ? ReasonField : e.Key, e => e.Value);
                return StaffHtml.Page(http, new StaffLevyRejectPage(current.Value.Value, version.Length > 0 ? version : current.Value.ETag.ToString(), FormView.Of(values, errors)), StatusCodes.Status400BadRequest);
            case Result<ApplicationView>.Stale when await applications.FindAsync(staff, id, ct) is Result<Versioned<ApplicationView>>.Ok current:
                // What changed is the application's status (someone decided, or the applicant withdrew): theirs beside this person's decision.
                return StaffHtml.Page(http, new StaffConflictPage($"Application from {current.Value.Value.EmployerName}", [new ConflictRow("Status", current.Value.Value.Status.ToString(), Decision(action))], back), StatusCodes.Status409Conflict);
            case Result<ApplicationView>.Forbidden forbidden:
                return StaffHtml.Message(http, StatusCodes.Status403Forbidden, "You cannot do that", forbidden.Reason, back);
            case Result<ApplicationView>.Conflict conflict:
                return StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be done now", conflict.Reason, back);
            default:
                return StaffHtml.NotFound(http);
        }
    }

    private static string Decision(ApplicationAction action) => action switch
    {
        ApplicationAction.Approve => "Approve",
        ApplicationAction.Reject => "Reject",
        _ => "Accept the funding",
    };
}
