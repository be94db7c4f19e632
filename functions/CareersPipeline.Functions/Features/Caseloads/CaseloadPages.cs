using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Caseloads;

/// <summary>
/// The outreach adviser's pages: triage, my caseload, and a case with its timeline and a form per action. Each form
/// is the API's action (<see cref="CaseloadFunctions"/>) through the same <see cref="CaseService"/>, carrying the case's
/// version, so a second adviser's stale save is shown the first one's change, never applied.
/// </summary>
public static class CaseloadPages
{
    public const string Root = "/staff/caseload";

    /// <summary>
    /// The pages' name for the API's "reason": the workspace's error summary links "reason" to the first radio of a
    /// choice (the opportunity close page), and here it is a text box.
    /// </summary>
    private const string Why = "why";

    private static readonly StaffRole[] Advisers = [StaffRole.Adviser, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("StaffCaseload", "GET", "staff/caseload", CaseloadAsync, Guard),
        HttpFunction.Page("StaffCaseloadTriage", "GET", "staff/caseload/triage", TriageAsync, Guard),
        HttpFunction.Page("StaffCaseloadTake", "POST", "staff/caseload/triage/{applicantId}/take", TakeAsync, Audited(CaseloadAccessActions.Take)),
        HttpFunction.Page("StaffCaseloadRegister", "GET", "staff/caseload/register", RegisterFormAsync, b => b.RequireStaffPage(StaffRole.Adviser)),
        HttpFunction.Page("StaffCaseloadRegisterPost", "POST", "staff/caseload/register", RegisterAsync, b => b.RequireStaffPage(StaffRole.Adviser)),
        HttpFunction.Page("StaffCase", "GET", "staff/caseload/cases/{applicantId}", CaseAsync, Audited(CaseloadAccessActions.Read)),
        HttpFunction.Page("StaffCaseIntervention", "POST", "staff/caseload/cases/{applicantId}/interventions", (HttpContext h, string applicantId, CaseService s, CancellationToken ct) =>
            EditAsync(h, applicantId, "intervention", s, (staff, f, v) => s.LogInterventionAsync(staff, applicantId, new InterventionInput(f("type"), f("date"), int.TryParse(f("minutes"), out var m) ? m : null, f("notes")), v, ct), ct), Audited(CaseloadAccessActions.Intervention)),
        HttpFunction.Page("StaffCaseOutcome", "POST", "staff/caseload/cases/{applicantId}/outcomes", (HttpContext h, string applicantId, CaseService s, CancellationToken ct) =>
            EditAsync(h, applicantId, "outcome", s, (staff, f, v) => s.RecordOutcomeAsync(staff, applicantId, new OutcomeInput(f("type"), f("date"), f("employer"), f("role"), f("startDate"), f("notes")), v, ct), ct), Audited(CaseloadAccessActions.Outcome)),
        HttpFunction.Page("StaffCaseNextAction", "POST", "staff/caseload/cases/{applicantId}/next-action", (HttpContext h, string applicantId, CaseService s, CancellationToken ct) =>
            EditAsync(h, applicantId, "next-action", s, (staff, f, v) => s.SetNextActionAsync(staff, applicantId, new NextActionInput(f("action"), f("due")), v, ct), ct), Audited(CaseloadAccessActions.NextAction)),
        HttpFunction.Page("StaffCaseRoute", "POST", "staff/caseload/cases/{applicantId}/route", (HttpContext h, string applicantId, CaseService s, CancellationToken ct) =>
            EditAsync(h, applicantId, "route", s, (staff, f, v) => s.OverrideRouteAsync(staff, applicantId, new RouteInput(f("route"), f(Why)), v, ct), ct), Audited(CaseloadAccessActions.Route)),
        HttpFunction.Page("StaffCaseStatus", "POST", "staff/caseload/cases/{applicantId}/status", (HttpContext h, string applicantId, CaseService s, CancellationToken ct) =>
            EditAsync(h, applicantId, "status", s, (staff, f, v) => s.ChangeStatusAsync(staff, applicantId, new StatusInput(f("status"), f(Why)), v, ct), ct), Audited(CaseloadAccessActions.Status)),
    ];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(Advisers);

    /// <summary>A page about one person: every view and change is in the staff audit trail, as the API's are (the audit after the sign-in check: it records who).</summary>
    private static Action<RouteHandlerBuilder> Audited(string action) => builder => builder.RequireStaffPage(Advisers).AuditPersonAccess(action);

    private static async Task<IResult> CaseloadAsync(HttpContext http, CaseService cases, CancellationToken ct) =>
        StaffHtml.Page(http, new StaffCaseloadPage(await cases.CaseloadAsync(StaffAccess.StaffOf(http), false, ct), await cases.CountsAsync(ct)));

    private static async Task<IResult> TriageAsync(HttpContext http, CaseService cases, CancellationToken ct) =>
        await cases.TriageAsync(StaffAccess.StaffOf(http), ct) is Result<IReadOnlyList<TriageItem>>.Ok ok
            ? StaffHtml.Page(http, new StaffTriagePage(ok.Value))
            : StaffHtml.NotFound(http);

    private static async Task<IResult> TakeAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        await cases.TakeAsync(StaffAccess.StaffOf(http), applicantId, ct) switch
        {
            Result<Versioned<CaseRecord>>.Ok => StaffHtml.SeeOther(http, $"{Root}/cases/{applicantId}"),
            Result<Versioned<CaseRecord>>.Conflict conflict => StaffHtml.Message(http, StatusCodes.Status409Conflict, "Someone took this person first", conflict.Reason, new StaffLink($"{Root}/triage", "Back to triage")),
            _ => StaffHtml.NotFound(http),
        };

    private static Task<IResult> RegisterFormAsync(HttpContext http) =>
        Task.FromResult(StaffHtml.Page(http, new StaffRegisterPage(FormView.Empty, ConsentWording.Current)));

    /// <summary>The form's answers as the API's body; the rules are the sign-up validator's, in <see cref="AssistedRegistration"/>.</summary>
    private static async Task<IResult> RegisterAsync(HttpContext http, AssistedRegistration registration, CancellationToken ct)
    {
        var posted = await http.Request.ReadFormAsync(ct);
        string? One(string field) => posted[field].ToString() is { Length: > 0 } value ? value : null;
        IReadOnlyList<string> All(string field) => [.. posted[field].Select(v => v ?? string.Empty)];
        bool? YesNo(string field) => One(field) switch { "yes" => true, "no" => false, _ => null };
        var input = new AssistedRegistrationInput
        {
            SignUp = new SignUpRequest
            {
                FirstName = One("firstName"),
                LastName = One("lastName"),
                Email = One("email"),
                Phone = One("phone"),
                DateOfBirth = DateOf(One("dateOfBirth-day"), One("dateOfBirth-month"), One("dateOfBirth-year")),
                Postcode = One("postcode"),
                CareerInterests = All("careerInterests"),
                CurrentSituation = One("currentSituation"),
                QualificationLevel = One("qualificationLevel"),
                RightToWork = One("rightToWork"),
                SupportNeeds = All("supportNeeds"),
                PreferredLanguage = One("preferredLanguage") ?? "en",
                Consents = new ConsentAnswers { Contact = YesNo("consents.contact"), Marketing = YesNo("consents.marketing"), WordingVersion = One("consents.wordingVersion") },
            },
            LanguagesSpoken = One("languagesSpoken"),
            InterpreterNeeded = YesNo("interpreterNeeded"),
            RightToWorkEvidence = One("rightToWorkEvidence"),
            QualificationRecognitionNeeds = One("qualificationRecognitionNeeds"),
            EnglishLanguageNeeds = One("englishLanguageNeeds"),
        };

        switch (await registration.RegisterAsync(StaffAccess.StaffOf(http), input, ct))
        {
            case Result<Versioned<CaseRecord>>.Ok ok:
                return StaffHtml.SeeOther(http, $"{Root}/cases/{ok.Value.Value.ApplicantId}");
            case Result<Versioned<CaseRecord>>.Invalid invalid:
                var values = posted.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray());
                // The validator names list items ("careerInterests[1]") and the date ("dateOfBirth"); the summary links to the field.
                var errors = invalid.Errors.GroupBy(e => e.Key.Split('[')[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Value).ToArray(), StringComparer.Ordinal);
                return StaffHtml.Page(http, new StaffRegisterPage(FormView.Of(values, errors), One("consents.wordingVersion") ?? ConsentWording.Current), StatusCodes.Status400BadRequest);
            default:
                return StaffHtml.NotFound(http);
        }
    }

    private static string? DateOf(string? day, string? month, string? year) =>
        day is null && month is null && year is null ? null
        : int.TryParse(day, out var d) && int.TryParse(month, out var m) && int.TryParse(year, out var y) && y is >= 1900 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DateOnly(y, m, d).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : $"{year}-{month}-{day}";

    private static async Task<IResult> CaseAsync(HttpContext http, string applicantId, CaseService cases, CancellationToken ct) =>
        await cases.FindAsync(StaffAccess.StaffOf(http), applicantId, ct) is Result<Versioned<CaseView>>.Ok ok
            ? StaffHtml.Page(http, new StaffCasePage(ok.Value.Value, ok.Value.ETag.ToString(), null, FormView.Empty))
            : StaffHtml.NotFound(http);

    /// <summary>One case form: the change at the version from the hidden field; errors shown on that form, a stale save as the conflict page.</summary>
    private static async Task<IResult> EditAsync(HttpContext http, string applicantId, string form, CaseService cases, Func<StaffPrincipal, Func<string, string?>, ETag?, Task<Result<Versioned<CaseRecord>>>> change, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var posted = await http.Request.ReadFormAsync(ct);
        var version = posted[StaffFormFields.Version].ToString();
        var result = await change(staff, field => posted[field].ToString() is { Length: > 0 } value ? value : null, version.Length > 0 ? new ETag(version) : null);
        var caseLink = new StaffLink($"{Root}/cases/{applicantId}", "See the case as it is now");
        switch (result)
        {
            case Result<Versioned<CaseRecord>>.Ok:
                return StaffHtml.SeeOther(http, $"{Root}/cases/{applicantId}");
            case Result<Versioned<CaseRecord>>.Invalid invalid when await cases.FindAsync(staff, applicantId, ct) is Result<Versioned<CaseView>>.Ok current:
                var values = posted.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray());
                return StaffHtml.Page(http, new StaffCasePage(current.Value.Value, version.Length > 0 ? version : current.Value.ETag.ToString(), form, FormView.Of(values, invalid.Errors.ToDictionary(e => e.Key == "reason" ? Why : e.Key, e => e.Value))), StatusCodes.Status400BadRequest);
            case Result<Versioned<CaseRecord>>.Stale when await cases.FindAsync(staff, applicantId, ct) is Result<Versioned<CaseView>>.Ok current:
                var theirs = current.Value.Value.Case;
                var yours = string.Join("; ", posted.Where(f => f.Key is not ("__RequestVerificationToken" or StaffFormFields.Version) && f.Value.ToString().Length > 0).Select(f => $"{f.Key}: {f.Value}"));
                return StaffHtml.Page(http, new StaffConflictPage(
                    $"{current.Value.Value.Person.FirstName} {current.Value.Value.Person.LastName}",
                    [new ConflictRow("Last change", $"{theirs.LastChange} (by {theirs.LastChangedBy})", yours.Length > 0 ? yours : form)],
                    caseLink), StatusCodes.Status409Conflict);
            case Result<Versioned<CaseRecord>>.Conflict conflict:
                return StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be done now", conflict.Reason, caseLink);
            default:
                return StaffHtml.NotFound(http);
        }
    }
}
