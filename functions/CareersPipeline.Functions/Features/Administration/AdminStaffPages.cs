using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// The admin's staff pages: a thin layer over <see cref="StaffAdministration"/>, the same service as the API
/// (<see cref="StaffAdministrationFunctions"/>). Every change carries the version the admin saw; the last-admin rule is
/// the directory's, and its refusal is shown on the form rather than thrown.
/// </summary>
public static class AdminStaffPages
{
    public const string Root = "/staff/admin/staff";

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // The workspace navigation's "Administration" link: staff is the first of its areas.
        HttpFunction.Page("AdminHome", "GET", "staff/admin", () => TypedResults.Redirect(Root), Guard),
        HttpFunction.Page("AdminStaff", "GET", "staff/admin/staff", ListAsync, Guard),
        HttpFunction.Page("AdminStaffInvitation", "GET", "staff/admin/staff/invite", InvitePageAsync, Guard),
        HttpFunction.Page("AdminStaffInvite", "POST", "staff/admin/staff/invite", InviteAsync, Guard),
        HttpFunction.Page("AdminStaffMember", "GET", "staff/admin/staff/{staffId}", EditPageAsync, Guard),
        HttpFunction.Page("AdminStaffChange", "POST", "staff/admin/staff/{staffId}", ChangeAsync, Guard),
        HttpFunction.Page("AdminStaffDeactivation", "GET", "staff/admin/staff/{staffId}/deactivate", DeactivatePageAsync, Guard),
        HttpFunction.Page("AdminStaffDeactivate", "POST", "staff/admin/staff/{staffId}/deactivate", DeactivateAsync, Guard),
    ];

    private static readonly IReadOnlyList<FieldOption> Roles =
        [.. Enum.GetValues<StaffRole>().OrderBy(r => AdminStaffText.Role(r), StringComparer.Ordinal).Select(r => new FieldOption(r.ToString(), AdminStaffText.Role(r)))];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(StaffRole.Admin);

    private static async Task<IResult> ListAsync(HttpContext http, StaffAdministration admin, CancellationToken ct) =>
        StaffHtml.Page(http, new AdminStaffListPage([.. (await admin.ListAsync(ct)).Select(m => m.Value).OrderBy(m => m.DisplayName, StringComparer.OrdinalIgnoreCase)]));

    private static async Task<IResult> InvitePageAsync(HttpContext http, ReferenceDataStore referenceData, CancellationToken ct) =>
        StaffHtml.Page(http, await FormPageAsync($"{Root}/invite", null, null, FormView.Empty, referenceData, ct));

    private static async Task<IResult> InviteAsync(HttpContext http, StaffAdministration admin, ReferenceDataStore referenceData, CancellationToken ct)
    {
        var (values, input) = await ReadAsync(http, active: true, ct);
        var result = await admin.InviteAsync(StaffAccess.StaffOf(http), input, ct);
        return result switch
        {
            Result<InvitationOutcome>.Ok ok => StaffHtml.SeeOther(http, $"{Root}/{ok.Value.Member.Value.Id}"),
            Result<InvitationOutcome>.Invalid invalid => StaffHtml.Page(http, await FormPageAsync($"{Root}/invite", null, null, FormView.Of(values, invalid.Errors), referenceData, ct), StatusCodes.Status400BadRequest),
            Result<InvitationOutcome>.Conflict conflict => StaffHtml.Page(http, await FormPageAsync($"{Root}/invite", null, null, FormView.Of(values, Errors("email", conflict.Reason)), referenceData, ct), StatusCodes.Status409Conflict),
            _ => StaffHtml.Message(http, StatusCodes.Status409Conflict, "The invitation was not sent", "Try again.", new StaffLink(Root, "Back to staff")),
        };
    }

    private static async Task<IResult> EditPageAsync(HttpContext http, string staffId, StaffAdministration admin, ReferenceDataStore referenceData, CancellationToken ct) =>
        await admin.GetAsync(staffId, ct) is Result<Versioned<StaffMember>>.Ok ok
            ? StaffHtml.Page(http, await EditFormAsync(ok.Value, ok.Value.ETag.ToString(), FormView.Of(AnswersOf(ok.Value.Value), new Dictionary<string, string[]>()), referenceData, ct))
            : StaffHtml.NotFound(http);

    private static async Task<IResult> ChangeAsync(HttpContext http, string staffId, StaffAdministration admin, ReferenceDataStore referenceData, CancellationToken ct)
    {
        if (await admin.GetAsync(staffId, ct) is not Result<Versioned<StaffMember>>.Ok current)
        {
            return StaffHtml.NotFound(http);
        }

        // Deactivation has its own page: an edit keeps the active state the record has.
        var (values, input) = await ReadAsync(http, current.Value.Value.Active, ct);
        var version = http.Request.Form[StaffFormFields.Version].ToString();
        if (version.Length == 0)
        {
            version = current.Value.ETag.ToString();
        }

        var result = await admin.ChangeAsync(staffId, new ETag(version), input, ct);
        return result switch
        {
            Result<Versioned<StaffMember>>.Ok => StaffHtml.SeeOther(http, Root),
            Result<Versioned<StaffMember>>.Invalid invalid => StaffHtml.Page(http, await EditFormAsync(current.Value, version, FormView.Of(values, invalid.Errors), referenceData, ct), StatusCodes.Status400BadRequest),
            Result<Versioned<StaffMember>>.Stale when await admin.GetAsync(staffId, ct) is Result<Versioned<StaffMember>>.Ok latest => Conflict(http, latest.Value.Value, values),
            // The last active admin: the directory refuses, and the form says why with the answers kept.
            Result<Versioned<StaffMember>>.Conflict conflict => StaffHtml.Page(http, await EditFormAsync(current.Value, version, FormView.Of(values, Errors("roles", conflict.Reason)), referenceData, ct), StatusCodes.Status409Conflict),
            _ => StaffHtml.NotFound(http),
        };
    }

    private static async Task<IResult> DeactivatePageAsync(HttpContext http, string staffId, StaffAdministration admin, CancellationToken ct) =>
        await admin.GetAsync(staffId, ct) is Result<Versioned<StaffMember>>.Ok ok
            ? StaffHtml.Page(http, new AdminStaffDeactivatePage(ok.Value.Value, ok.Value.ETag.ToString()))
            : StaffHtml.NotFound(http);

    private static async Task<IResult> DeactivateAsync(HttpContext http, string staffId, StaffAdministration admin, CancellationToken ct)
    {
        var version = (await http.Request.ReadFormAsync(ct))[StaffFormFields.Version].ToString();
        if (version.Length == 0)
        {
            return StaffPages.FormExpired(http);
        }

        var back = new StaffLink($"{Root}/{staffId}", "Back to their record");
        return await admin.DeactivateAsync(staffId, new ETag(version), ct) switch
        {
            Result<Versioned<StaffMember>>.Ok => StaffHtml.SeeOther(http, Root),
            Result<Versioned<StaffMember>>.Conflict conflict => StaffHtml.Message(http, StatusCodes.Status409Conflict, "They cannot be deactivated", conflict.Reason, back),
            Result<Versioned<StaffMember>>.Stale when await admin.GetAsync(staffId, ct) is Result<Versioned<StaffMember>>.Ok latest =>
                Conflict(http, latest.Value.Value, AnswersOf(latest.Value.Value with { Active = false })),
            _ => StaffHtml.NotFound(http),
        };
    }

    /// <summary>The posted answers, kept for the form, and as the service's input.</summary>
    private static async Task<(Dictionary<string, string[]> Values, StaffInput Input)> ReadAsync(HttpContext http, bool active, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        string[] Values(string field) => [.. form[field].Select(v => v ?? string.Empty)];
        var values = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["email"] = Values("email"),
            ["displayName"] = Values("displayName"),
            ["roles"] = Values("roles"),
            ["employerCodes"] = Values("employerCodes"),
        };
        return (values, new StaffInput(form["email"].ToString(), form["displayName"].ToString(), values["roles"], values["employerCodes"], active));
    }

    private static Dictionary<string, string[]> AnswersOf(StaffMember member) => new(StringComparer.Ordinal)
    {
        ["displayName"] = [member.DisplayName],
        ["roles"] = [.. member.Roles.Select(r => r.ToString())],
        ["employerCodes"] = [.. member.EmployerCodes],
        ["active"] = [member.Active ? "Yes" : "No"],
    };

    /// <summary>409 with the record as saved now beside what this admin sent, for every answer that differs.</summary>
    private static IResult Conflict(HttpContext http, StaffMember current, Dictionary<string, string[]> yours)
    {
        var theirs = AnswersOf(current);
        var questions = new (string Field, string Question)[] { ("displayName", "Name"), ("roles", "Roles"), ("employerCodes", "Organisations"), ("active", "May sign in") };
        var rows = questions
            .Select(q => new ConflictRow(q.Question, Readable(q.Field, theirs), yours.ContainsKey(q.Field) ? Readable(q.Field, yours) : Readable(q.Field, theirs)))
            .Where(r => r.Theirs != r.Yours)
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add(new ConflictRow("Record", "Saved again by someone else", "As you last saw it"));
        }

        return StaffHtml.Page(http, new StaffConflictPage(current.DisplayName, rows, new StaffLink($"{Root}/{current.Id}", "See their record as it is now")), StatusCodes.Status409Conflict);
    }

    private static string Readable(string field, Dictionary<string, string[]> answers)
    {
        var values = answers.TryGetValue(field, out var v) ? v.Where(x => x.Length > 0).ToArray() : [];
        if (field == "roles")
        {
            values = [.. values.Select(r => Enum.TryParse<StaffRole>(r, out var role) ? AdminStaffText.Role(role) : r).Order(StringComparer.Ordinal)];
        }
        else if (field == "employerCodes")
        {
            values = [.. values.Select(c => c.Trim().ToUpperInvariant()).Order(StringComparer.Ordinal)];
        }

        return values.Length == 0 ? "None" : string.Join(", ", values);
    }

    private static async Task<AdminStaffFormPage> EditFormAsync(Versioned<StaffMember> member, string version, FormView form, ReferenceDataStore referenceData, CancellationToken ct) =>
        await FormPageAsync($"{Root}/{member.Value.Id}", version, member.Value.DisplayName, form, referenceData, ct) with
        {
            DeactivateHref = member.Value.Active ? $"{Root}/{member.Value.Id}/deactivate" : null,
        };

    private static async Task<AdminStaffFormPage> FormPageAsync(string action, string? version, string? caption, FormView form, ReferenceDataStore referenceData, CancellationToken ct)
    {
        var organisations = (await referenceData.ListAsync(ReferenceKind.Employer, ct)).OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Select(e => new FieldOption(e.Code, $"{e.Name} ({e.Code})"));
        return new AdminStaffFormPage(action, version, caption, form, Roles, [.. organisations]);
    }

    private static Dictionary<string, string[]> Errors(string field, string message) => new() { [field] = [message] };
}
