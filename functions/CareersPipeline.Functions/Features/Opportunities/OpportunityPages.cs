using System.Text;
using Azure;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Opportunities;

/// <summary>
/// The employer's pages in the staff workspace. Each action is the API's (<see cref="OpportunityFunctions"/>) through the
/// same <see cref="OpportunityService"/>; the pages only turn forms into calls and results into pages. Every change
/// carries the version the person saw, so a second person's stale save is shown the first one's change, never applied.
/// </summary>
public static class OpportunityPages
{
    public const string Root = "/staff/opportunities";

    private static readonly StaffRole[] Publishers = [StaffRole.Employer, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("StaffOpportunities", "GET", "staff/opportunities", ListAsync, Guard),
        HttpFunction.Page("StaffOpportunityNew", "POST", "staff/opportunities/new", StartNewAsync, Guard),
        HttpFunction.Page("StaffVacancyUpload", "GET", "staff/opportunities/upload", UploadPageAsync, Guard),
        HttpFunction.Page("StaffVacancyUploadPost", "POST", "staff/opportunities/upload", UploadAsync, b => Guard(b.WithMetadata(new Api.LargerBodyLimit(2 * 1024 * 1024)))),
        HttpFunction.Page("StaffOpportunityQuestion", "GET", "staff/opportunities/forms/{formId}/{section}", QuestionAsync, Guard),
        HttpFunction.Page("StaffOpportunityAnswer", "POST", "staff/opportunities/forms/{formId}/{section}", AnswerAsync, Guard),
        HttpFunction.Page("StaffOpportunity", "GET", "staff/opportunities/{id}", ShowAsync, Guard),
        HttpFunction.Page("StaffOpportunityEdit", "POST", "staff/opportunities/{id}/edit", StartEditAsync, Guard),
        HttpFunction.Page("StaffOpportunityPublish", "POST", "staff/opportunities/{id}/publish", (HttpContext h, string id, OpportunityService s, CancellationToken ct) => ChangeAsync(h, id, s, (staff, v) => s.PublishAsync(staff, id, v, ct), ct), Guard),
        HttpFunction.Page("StaffOpportunityArchive", "POST", "staff/opportunities/{id}/archive", (HttpContext h, string id, OpportunityService s, CancellationToken ct) => ChangeAsync(h, id, s, (staff, v) => s.ArchiveAsync(staff, id, v, ct), ct), Guard),
        HttpFunction.Page("StaffOpportunityClosing", "GET", "staff/opportunities/{id}/close", ClosePageAsync, Guard),
        HttpFunction.Page("StaffOpportunityClose", "POST", "staff/opportunities/{id}/close", CloseAsync, Guard),
        HttpFunction.Page("StaffOpportunityCopy", "POST", "staff/opportunities/{id}/copy", CopyAsync, Guard),
    ];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(Publishers);

    private static async Task<IResult> ListAsync(HttpContext http, string? shelf, OpportunityService service, TimeProvider time, CancellationToken ct)
    {
        var today = Today(time);
        var all = await service.ListAsync(StaffAccess.StaffOf(http), null, ct);
        var chosen = Enum.TryParse<OpportunityShelf>(shelf, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : OpportunityShelf.Draft;
        var counts = Enum.GetValues<OpportunityShelf>().ToDictionary(s => s, s => all.Count(o => OpportunityShelves.Of(o, today) == s));
        return StaffHtml.Page(http, new StaffOpportunityListPage(counts, chosen, [.. all.Where(o => OpportunityShelves.Of(o, today) == chosen)]));
    }

    private static async Task<IResult> ShowAsync(HttpContext http, string id, OpportunityService service, CancellationToken ct) =>
        await service.FindAsync(StaffAccess.StaffOf(http), id, ct) is Result<Versioned<Opportunity>>.Ok ok
            ? StaffHtml.Page(http, DetailOf(ok.Value))
            : StaffHtml.NotFound(http);

    private static StaffOpportunityPage DetailOf(Versioned<Opportunity> versioned) =>
        new(versioned.Value, versioned.ETag.ToString(), [.. OpportunityForm.Readable(OpportunityForm.AnswersOf(versioned.Value)).Select(r => new AnswerRow(r.Question, r.Answer))]);

    private static async Task<IResult> StartNewAsync(HttpContext http, StaffFormDrafts drafts, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var answers = new Dictionary<string, string[]>();
        if (staff.EmployerCodes.Count == 1)
        {
            answers["employerCode"] = [staff.EmployerCodes.Single()];
        }

        var draft = await drafts.StartAsync(staff, OpportunityForm.Kind, null, null, answers, ct);
        return StaffHtml.SeeOther(http, QuestionPath(draft.Id, OpportunitySection.What));
    }

    private static async Task<IResult> StartEditAsync(HttpContext http, string id, OpportunityService service, StaffFormDrafts drafts, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        if (await service.FindAsync(staff, id, ct) is not Result<Versioned<Opportunity>>.Ok ok)
        {
            return StaffHtml.NotFound(http);
        }

        // The edit starts from the version the person saw on the page (the hidden field), not whatever is stored now.
        var version = (await http.Request.ReadFormAsync(ct))[StaffFormFields.Version].ToString();
        if (version.Length > 0 && version != ok.Value.ETag.ToString())
        {
            return Conflict(http, ok.Value, OpportunityForm.AnswersOf(ok.Value.Value));
        }

        var draft = await drafts.StartAsync(staff, OpportunityForm.Kind, id, ok.Value.ETag.ToString(), OpportunityForm.AnswersOf(ok.Value.Value), ct);
        return StaffHtml.SeeOther(http, QuestionPath(draft.Id, OpportunitySection.What));
    }

    private static async Task<IResult> QuestionAsync(HttpContext http, string formId, string section, StaffFormDrafts drafts, ReferenceDataStore referenceData, TimeProvider time, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        if (await drafts.FindAsync(staff, OpportunityForm.Kind, formId, ct) is not { } draft)
        {
            return FormGone(http);
        }

        if (section == "check")
        {
            return CheckPage(http, draft, new Dictionary<string, string[]>(), StatusCodes.Status200OK);
        }

        if (!TryParseSection(section, out var parsed))
        {
            return StaffHtml.NotFound(http);
        }

        var form = FormView.Of(draft.Answers, new Dictionary<string, string[]>());
        return StaffHtml.Page(http, await QuestionPageAsync(staff, draft, parsed, form, referenceData, ct));
    }

    private static async Task<IResult> AnswerAsync(HttpContext http, string formId, string section, StaffFormDrafts drafts, OpportunityService service, ReferenceDataStore referenceData, TimeProvider time, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        if (await drafts.FindAsync(staff, OpportunityForm.Kind, formId, ct) is not { } draft)
        {
            return FormGone(http);
        }

        var posted = await http.Request.ReadFormAsync(ct);
        if (section == "check")
        {
            return await SaveAsync(http, staff, draft, posted[StaffFormFields.Version].ToString(), service, drafts, time, ct);
        }

        if (!TryParseSection(section, out var parsed))
        {
            return StaffHtml.NotFound(http);
        }

        var isNew = draft.TargetId is null;
        var fields = OpportunityForm.PostedFields(OpportunityForm.FieldsOf(parsed, isNew, OpportunityForm.IsApprenticeship(draft.Answers) || posted["kind"] == nameof(OpportunityKind.Apprenticeship)));
        var answers = fields.ToDictionary(f => f, f => posted[f].Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
        if (isNew && answers.TryGetValue("employerCode", out var employer) && employer.FirstOrDefault() is { Length: > 0 } code && !staff.CanActFor(code))
        {
            answers["employerCode"] = [];
        }

        draft = await drafts.SaveAnswersAsync(staff, draft, answers, ct);
        var errors = OpportunityForm.ErrorsOf(parsed, draft.Answers, isNew, Today(time));
        if (errors.Count > 0)
        {
            var form = FormView.Of(draft.Answers, errors);
            return StaffHtml.Page(http, await QuestionPageAsync(staff, draft, parsed, form, referenceData, ct), StatusCodes.Status400BadRequest);
        }

        var next = parsed == OpportunitySection.Details ? "check" : Enum.GetName(parsed + 1)!.ToLowerInvariant();
        return StaffHtml.SeeOther(http, $"{Root}/forms/{draft.Id}/{next}");
    }

    private static async Task<IResult> SaveAsync(HttpContext http, StaffPrincipal staff, StaffFormDraft draft, string version, OpportunityService service, StaffFormDrafts drafts, TimeProvider time, CancellationToken ct)
    {
        var errors = OpportunityForm.AllErrors(draft.Answers, Today(time));
        if (errors.Count > 0)
        {
            return CheckPage(http, draft, errors, StatusCodes.Status400BadRequest);
        }

        var (input, _) = OpportunityForm.ToInput(draft.Answers);
        if (draft.TargetId is null)
        {
            var created = await service.CreateAsync(staff, input, ct);
            if (created is Result<Opportunity>.Ok ok)
            {
                await drafts.DeleteAsync(staff, draft, ct);
                return StaffHtml.SeeOther(http, $"{Root}/{ok.Value.Id}");
            }

            return CheckPage(http, draft, created is Result<Opportunity>.Invalid invalid ? invalid.Errors : Refusal(created), StatusCodes.Status400BadRequest);
        }

        // The version from the form; an edit whose form lost it falls back to the version the edit began from.
        var expected = new ETag(version.Length > 0 ? version : draft.TargetVersion!);
        var result = await service.UpdateAsync(staff, draft.TargetId, input, expected, ct);
        switch (result)
        {
            case Result<Versioned<Opportunity>>.Ok:
                await drafts.DeleteAsync(staff, draft, ct);
                return StaffHtml.SeeOther(http, $"{Root}/{draft.TargetId}");
            case Result<Versioned<Opportunity>>.Stale when await service.FindAsync(staff, draft.TargetId, ct) is Result<Versioned<Opportunity>>.Ok current:
                return Conflict(http, current.Value, draft.Answers);
            case Result<Versioned<Opportunity>>.Invalid invalid:
                return CheckPage(http, draft, invalid.Errors, StatusCodes.Status400BadRequest);
            case Result<Versioned<Opportunity>>.NotFound:
                return StaffHtml.NotFound(http);
            default:
                return CheckPage(http, draft, Refusal(result), StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Publish or archive: the version from the page's hidden field, then back to the opportunity's page.</summary>
    private static async Task<IResult> ChangeAsync(HttpContext http, string id, OpportunityService service, Func<StaffPrincipal, ETag?, Task<Result<Versioned<Opportunity>>>> change, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var version = (await http.Request.ReadFormAsync(ct))[StaffFormFields.Version].ToString();
        return await OutcomeAsync(http, staff, id, service, await change(staff, version.Length > 0 ? new ETag(version) : null), ct);
    }

    private static async Task<IResult> OutcomeAsync(HttpContext http, StaffPrincipal staff, string id, OpportunityService service, Result<Versioned<Opportunity>> result, CancellationToken ct) => result switch
    {
        Result<Versioned<Opportunity>>.Ok => StaffHtml.SeeOther(http, $"{Root}/{id}"),
        Result<Versioned<Opportunity>>.NotFound => StaffHtml.NotFound(http),
        Result<Versioned<Opportunity>>.Stale when await service.FindAsync(staff, id, ct) is Result<Versioned<Opportunity>>.Ok current =>
            Conflict(http, current.Value, OpportunityForm.AnswersOf(current.Value.Value)),
        Result<Versioned<Opportunity>>.Conflict conflict => StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be done now", conflict.Reason, new StaffLink($"{Root}/{id}", "Back to the opportunity")),
        _ => StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be done now", "Reload the opportunity and try again.", new StaffLink($"{Root}/{id}", "Back to the opportunity")),
    };

    private static async Task<IResult> ClosePageAsync(HttpContext http, string id, OpportunityService service, CancellationToken ct) =>
        await service.FindAsync(StaffAccess.StaffOf(http), id, ct) is Result<Versioned<Opportunity>>.Ok ok
            ? StaffHtml.Page(http, new StaffOpportunityClosePage(ok.Value.Value, ok.Value.ETag.ToString(), FormView.Empty))
            : StaffHtml.NotFound(http);

    private static async Task<IResult> CloseAsync(HttpContext http, string id, OpportunityService service, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var form = await http.Request.ReadFormAsync(ct);
        var version = form[StaffFormFields.Version].ToString();
        if (!Enum.TryParse<ClosureReason>(form["reason"], out var reason) || reason is not (ClosureReason.Filled or ClosureReason.Manual))
        {
            if (await service.FindAsync(staff, id, ct) is not Result<Versioned<Opportunity>>.Ok ok)
            {
                return StaffHtml.NotFound(http);
            }

            var values = form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray());
            var errors = new Dictionary<string, string[]> { ["reason"] = ["Choose why you are closing it."] };
            return StaffHtml.Page(http, new StaffOpportunityClosePage(ok.Value.Value, version.Length > 0 ? version : ok.Value.ETag.ToString(), FormView.Of(values, errors)), StatusCodes.Status400BadRequest);
        }

        var note = form["note"].ToString().Trim();
        var result = await service.CloseAsync(staff, id, reason, note.Length > 0 ? note[..Math.Min(note.Length, 500)] : null, version.Length > 0 ? new ETag(version) : null, ct);
        return await OutcomeAsync(http, staff, id, service, result, ct);
    }

    private static async Task<IResult> CopyAsync(HttpContext http, string id, OpportunityService service, CancellationToken ct) =>
        await service.CopyAsync(StaffAccess.StaffOf(http), id, ct) switch
        {
            Result<Opportunity>.Ok ok => StaffHtml.SeeOther(http, $"{Root}/{ok.Value.Id}"),
            Result<Opportunity>.Conflict conflict => StaffHtml.Message(http, StatusCodes.Status409Conflict, "That cannot be copied", conflict.Reason, new StaffLink($"{Root}/{id}", "Back to the opportunity")),
            _ => StaffHtml.NotFound(http),
        };

    private static async Task<IResult> UploadPageAsync(HttpContext http, ReferenceDataStore referenceData, CancellationToken ct) =>
        StaffHtml.Page(http, new StaffVacancyUploadPage(await EmployersAsync(StaffAccess.StaffOf(http), referenceData, ct), FormView.Empty, null, TemplateUrl));

    /// <summary>The report is the answer to the POST: it lists what was created, and reloading it is harmless (a reload asks before posting again).</summary>
    private static async Task<IResult> UploadAsync(HttpContext http, VacancyCsvImport import, ReferenceDataStore referenceData, CancellationToken ct)
    {
        var staff = StaffAccess.StaffOf(http);
        var form = await http.Request.ReadFormAsync(ct);
        var employer = form["employerCode"].ToString();
        var file = form.Files.GetFile("file");
        var errors = new Dictionary<string, string[]>();
        if (employer.Length == 0 || !staff.CanActFor(employer))
        {
            errors["employerCode"] = ["Choose the employer the vacancies are for."];
        }

        if (file is null || file.Length == 0)
        {
            errors["file"] = ["Choose a CSV file to upload."];
        }

        var employers = await EmployersAsync(staff, referenceData, ct);
        var values = new Dictionary<string, string[]> { ["employerCode"] = [employer] };
        if (errors.Count > 0)
        {
            return StaffHtml.Page(http, new StaffVacancyUploadPage(employers, FormView.Of(values, errors), null, TemplateUrl), StatusCodes.Status400BadRequest);
        }

        using var reader = new StreamReader(file!.OpenReadStream(), Encoding.UTF8);
        var report = await import.ImportAsync(staff, employer, reader, ct);
        if (report.FileProblem is { } problem)
        {
            return StaffHtml.Page(http, new StaffVacancyUploadPage(employers, FormView.Of(values, new Dictionary<string, string[]> { ["file"] = [problem] }), null, TemplateUrl), StatusCodes.Status400BadRequest);
        }

        return StaffHtml.Page(http, new StaffVacancyUploadPage(employers, FormView.Of(values, new Dictionary<string, string[]>()), report, TemplateUrl));
    }

    private const string TemplateUrl = "/api/employer/opportunities/upload/template";

    private static async Task<StaffOpportunityQuestionPage> QuestionPageAsync(StaffPrincipal staff, StaffFormDraft draft, OpportunitySection section, FormView form, ReferenceDataStore referenceData, CancellationToken ct)
    {
        var back = section == OpportunitySection.What
            ? draft.TargetId is null ? Root : $"{Root}/{draft.TargetId}"
            : QuestionPath(draft.Id, section - 1);
        return new StaffOpportunityQuestionPage(
            QuestionPath(draft.Id, section), section, form, section == OpportunitySection.What && draft.TargetId is null ? await EmployersAsync(staff, referenceData, ct) : [],
            draft.TargetId is null, OpportunityForm.IsApprenticeship(draft.Answers), back);
    }

    private static IResult CheckPage(HttpContext http, StaffFormDraft draft, IReadOnlyDictionary<string, string[]> errors, int status)
    {
        var rows = OpportunityForm.Readable(draft.Answers)
            .Where(r => draft.TargetId is null || r.Field is not ("kind" or "employerCode"))
            .Select(r => new AnswerRow(r.Question, r.Answer, QuestionPath(draft.Id, r.Section)));
        return StaffHtml.Page(http, new StaffOpportunityCheckPage($"{Root}/forms/{draft.Id}/check", [.. rows], draft.TargetVersion, draft.TargetId is null, FormView.Of(draft.Answers, errors)), status);
    }

    /// <summary>409 with the saved answers beside the ones this person sent, for every question where they differ.</summary>
    private static IResult Conflict(HttpContext http, Versioned<Opportunity> current, IReadOnlyDictionary<string, string[]> yours)
    {
        var theirs = OpportunityForm.Readable(OpportunityForm.AnswersOf(current.Value));
        var mine = OpportunityForm.Readable(yours).ToDictionary(r => r.Field, r => r.Answer);
        var rows = theirs.Where(t => mine.TryGetValue(t.Field, out var m) && m != t.Answer).Select(t => new ConflictRow(t.Question, t.Answer, mine[t.Field])).ToList();
        if (rows.Count == 0)
        {
            // The answers agree, so what changed is the status (published, closed or archived by someone else).
            rows.Add(new ConflictRow("Status", current.Value.Status.ToString(), "As you last saw it"));
        }

        return StaffHtml.Page(http, new StaffConflictPage(current.Value.Title, rows, new StaffLink($"{Root}/{current.Value.Id}", "See the opportunity as it is now")), StatusCodes.Status409Conflict);
    }

    private static IResult FormGone(HttpContext http) =>
        StaffHtml.Message(http, StatusCodes.Status404NotFound, "This form has expired", "Forms are kept for a day. Nothing was saved: start again.", new StaffLink(Root, "Opportunities"));

    private static Dictionary<string, string[]> Refusal<T>(Result<T> result) => result switch
    {
        Result<T>.Forbidden forbidden => new Dictionary<string, string[]> { ["employerCode"] = [forbidden.Reason] },
        Result<T>.Conflict conflict => new Dictionary<string, string[]> { ["title"] = [conflict.Reason] },
        _ => new Dictionary<string, string[]> { ["title"] = ["It could not be saved. Try again."] },
    };

    private static async Task<IReadOnlyList<FieldOption>> EmployersAsync(StaffPrincipal staff, ReferenceDataStore referenceData, CancellationToken ct) =>
        [.. (await referenceData.ListAsync(ReferenceKind.Employer, ct)).Where(e => staff.CanActFor(e.Code)).OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new FieldOption(e.Code, e.Name))];

    private static string QuestionPath(string formId, OpportunitySection section) => $"{Root}/forms/{formId}/{section.ToString().ToLowerInvariant()}";

    private static bool TryParseSection(string text, out OpportunitySection section) =>
        Enum.TryParse(text, ignoreCase: true, out section) && Enum.IsDefined(section) && text.All(char.IsAsciiLetterLower);

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
