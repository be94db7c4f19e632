using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Applications;

/// <summary>
/// The employer's applicant pages in the staff workspace. Every action is the API's (<see cref="ApplicationFunctions"/>)
/// through the same <see cref="EmployerApplications"/>, which checks the organisation (another one's ids are 404) and
/// audits each opening; the pages only turn forms into calls. Every move carries the version the person saw, so a
/// second recruiter's stale move is shown what the first did, never applied.
/// </summary>
public static class ApplicationPages
{
    public const string Root = "/staff/applications";

    private static readonly StaffRole[] Employers = [StaffRole.Employer, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("StaffApplicants", "GET", "staff/opportunities/{id}/applicants", ListAsync, Guard),
        HttpFunction.Page("StaffApplication", "GET", "staff/applications/{applicationId}", ShowAsync, Guard),
        HttpFunction.Page("StaffApplicationMove", "POST", "staff/applications/{applicationId}/move", MoveAsync, Guard),
        .. Enum.GetValues<ApplicationFormKind>().SelectMany(FormDefinitions),
    ];

    /// <summary>Each move that needs answers has its own page and post, named by the form ("StaffApplicationInvite", "StaffApplicationInvitePost").</summary>
    private static IEnumerable<FunctionDefinition> FormDefinitions(ApplicationFormKind kind)
    {
        var route = $"staff/applications/{{applicationId}}/{kind.ToString().ToLowerInvariant()}";
        yield return HttpFunction.Page($"StaffApplication{kind}", "GET", route, (HttpContext h, string applicationId, EmployerApplications s, CancellationToken ct) => FormPageAsync(h, applicationId, kind, s, ct), Guard);
        yield return HttpFunction.Page($"StaffApplication{kind}Post", "POST", route, (HttpContext h, string applicationId, EmployerApplications s, CancellationToken ct) => FormPostAsync(h, applicationId, kind, s, ct), Guard);
    }

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(Employers);

    private static async Task<IResult> ListAsync(HttpContext http, string id, EmployerApplications service, CancellationToken ct) =>
        await service.ListAsync(StaffAccess.StaffOf(http), id, ct) is Result<ApplicantList>.Ok ok
            ? StaffHtml.Page(http, new StaffApplicantListPage(ok.Value))
            : StaffHtml.NotFound(http);

    private static async Task<IResult> ShowAsync(HttpContext http, string applicationId, EmployerApplications service, CancellationToken ct) =>
        await service.GetAsync(StaffAccess.StaffOf(http), applicationId, "StaffApplication", ct) is Result<Versioned<EmployerApplicationView>>.Ok ok
            ? StaffHtml.Page(http, new StaffApplicationPage(ok.Value.Value, ok.Value.ETag.ToString()))
            : StaffHtml.NotFound(http);

    /// <summary>In review or shortlisted: buttons on the application page, no answers to give.</summary>
    private static async Task<IResult> MoveAsync(HttpContext http, string applicationId, EmployerApplications service, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var posted = await http.Request.ReadFormAsync(ct);
        var to = posted["to"].ToString();
        if (to is not (nameof(ApplicationStatus.InReview) or nameof(ApplicationStatus.Shortlisted)))
        {
            // Unsuccessful needs feedback, so it has its own page; anything else posted here is not a button we drew.
            return StaffHtml.Message(http, StatusCodes.Status400BadRequest, "That cannot be done here", "Go back to the application and choose what to do next.", new StaffLink($"{Root}/{applicationId}", "Back to the application"));
        }

        var result = await service.MoveAsync(staff, applicationId, new MoveInput(to), ExpectedOf(posted), ct);
        return await OutcomeAsync(http, staff, applicationId, Enum.Parse<ApplicationStatus>(to), result, service, ct);
    }

    private static async Task<IResult> FormPageAsync(HttpContext http, string applicationId, ApplicationFormKind kind, EmployerApplications service, CancellationToken ct)
    {
        if (await service.GetAsync(StaffAccess.StaffOf(http), applicationId, "StaffApplicationForm", ct) is not Result<Versioned<EmployerApplicationView>>.Ok ok)
        {
            return StaffHtml.NotFound(http);
        }

        return StaffHtml.Page(http, new StaffApplicationFormPage(ok.Value.Value, kind, ok.Value.ETag.ToString(), FormView.Empty));
    }

    private static async Task<IResult> FormPostAsync(HttpContext http, string applicationId, ApplicationFormKind kind, EmployerApplications service, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var posted = await http.Request.ReadFormAsync(ct);
        var values = posted.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
        var expected = ExpectedOf(posted);
        var errors = new Dictionary<string, string[]>();
        var (to, result) = kind switch
        {
            ApplicationFormKind.Unsuccessful => (ApplicationStatus.Unsuccessful, await service.MoveAsync(staff, applicationId, new MoveInput(nameof(ApplicationStatus.Unsuccessful), One(posted, "feedback")), expected, ct)),
            ApplicationFormKind.Invite => (ApplicationStatus.Interviewing, await service.InviteAsync(staff, applicationId, new InviteInput(DateOf(posted, "date"), One(posted, "time"), One(posted, "place"), One(posted, "videoLink"), One(posted, "whatToBring")), expected, ct)),
            ApplicationFormKind.Offer when Conditional(posted) is null =>
                (ApplicationStatus.Offered, Refused(errors, "conditional", "Say whether the offer depends on checks.")),
            ApplicationFormKind.Offer => (ApplicationStatus.Offered, await service.OfferAsync(staff, applicationId, new OfferInput(Conditional(posted)!.Value, One(posted, "conditions"), DateOf(posted, "proposedStartDate")), expected, ct)),
            _ => (ApplicationStatus.Started, await service.StartAsync(staff, applicationId, new StartInput(DateOf(posted, "startDate")), expected, ct)),
        };

        if (result is Result<Versioned<JobApplication>>.Invalid invalid)
        {
            // The same page with the answers kept; Core's date messages name the API's format, the page asks for three boxes.
            if (await service.GetAsync(staff, applicationId, "StaffApplicationForm", ct) is not Result<Versioned<EmployerApplicationView>>.Ok current)
            {
                return StaffHtml.NotFound(http);
            }

            var shown = invalid.Errors.ToDictionary(e => e.Key, e => DateFields.TryGetValue(e.Key, out var message) ? [message] : e.Value, StringComparer.Ordinal);
            var version = expected?.ToString() ?? current.Value.ETag.ToString();
            return StaffHtml.Page(http, new StaffApplicationFormPage(current.Value.Value, kind, version, FormView.Of(values, Ordered(shown, kind))), StatusCodes.Status400BadRequest);
        }

        return await OutcomeAsync(http, staff, applicationId, to, result, service, ct);
    }

    private static async Task<IResult> OutcomeAsync(HttpContext http, StaffPrincipal staff, string applicationId, ApplicationStatus to, Result<Versioned<JobApplication>> result, EmployerApplications service, CancellationToken ct)
    {
        var back = new StaffLink($"{Root}/{applicationId}", "Back to the application");
        switch (result)
        {
            case Result<Versioned<JobApplication>>.Ok:
                return StaffHtml.SeeOther(http, $"{Root}/{applicationId}");
            case Result<Versioned<JobApplication>>.Stale when await service.GetAsync(staff, applicationId, "StaffApplication", ct) is Result<Versioned<EmployerApplicationView>>.Ok current:
                var now = current.Value.Value;
                var rows = new List<ConflictRow> { new("Status", Capitalised(ApplicationLifecycle.Describe(now.Status)), Capitalised(ApplicationLifecycle.Describe(to))) };
                return StaffHtml.Page(http, new StaffConflictPage($"{now.Name}: {now.OpportunityTitle}", rows, new StaffLink($"{Root}/{applicationId}", "See the application as it is now")), StatusCodes.Status409Conflict);
            case Result<Versioned<JobApplication>>.Conflict conflict:
                return StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be done now", conflict.Reason, back);
            case Result<Versioned<JobApplication>>.NotFound:
            case Result<Versioned<JobApplication>>.Stale:
                return StaffHtml.NotFound(http);
            default:
                return StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be done now", "Reload the application and try again.", back);
        }
    }

    /// <summary>What the page asks for the dates it shows as day, month and year boxes.</summary>
    private static readonly Dictionary<string, string> DateFields = new(StringComparer.Ordinal)
    {
        ["date"] = "Give the interview date as a day, month and year, for example 14 3 2027.",
        ["proposedStartDate"] = "Give the proposed start date as a day, month and year, for example 1 9 2027, or leave it empty.",
        ["startDate"] = "Give the day they started as a day, month and year, for example 1 9 2027.",
    };

    /// <summary>The error summary lists problems in the order the form asks its questions.</summary>
    private static Dictionary<string, string[]> Ordered(Dictionary<string, string[]> errors, ApplicationFormKind kind)
    {
        string[] order = kind switch
        {
            ApplicationFormKind.Invite => ["date", "time", "place", "videoLink", "whatToBring"],
            ApplicationFormKind.Offer => ["conditional", "conditions", "proposedStartDate"],
            _ => [],
        };
        return errors.OrderBy(e => Array.IndexOf(order, e.Key) is var i and >= 0 ? i : int.MaxValue).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private static Result<Versioned<JobApplication>> Refused(Dictionary<string, string[]> errors, string field, string message)
    {
        errors[field] = [message];
        return new Result<Versioned<JobApplication>>.Invalid(errors);
    }

    private static bool? Conditional(IFormCollection posted) => posted["conditional"].ToString() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    private static string? One(IFormCollection posted, string field) => posted[field].ToString() is { Length: > 0 } value ? value : null;

    /// <summary>Three boxes as the API's yyyy-MM-dd; anything that is not a date is passed on as typed, so Core refuses it on its field.</summary>
    private static string? DateOf(IFormCollection posted, string field)
    {
        var (day, month, year) = (posted[$"{field}-day"].ToString().Trim(), posted[$"{field}-month"].ToString().Trim(), posted[$"{field}-year"].ToString().Trim());
        if (day.Length == 0 && month.Length == 0 && year.Length == 0)
        {
            return null;
        }

        return int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y) && y is >= 1000 and <= 9999
            && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : $"{day}/{month}/{year}";
    }

    private static ETag? ExpectedOf(IFormCollection posted) => posted[StaffFormFields.Version].ToString() is { Length: > 0 } version ? new ETag(version) : null;

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
