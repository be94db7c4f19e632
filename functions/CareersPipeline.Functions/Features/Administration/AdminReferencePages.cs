using System.Globalization;
using System.Text;
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
/// The admin's reference data pages: the codes the public doors check, over <see cref="ReferenceDataAdministration"/> and
/// <see cref="SchoolImport"/> as the API (<see cref="ReferenceDataFunctions"/>). A code's page is under "items/" so that
/// no code (such as NEW) can be mistaken for a page's name.
/// </summary>
public static class AdminReferencePages
{
    public const string Root = "/staff/admin/reference";
    public const string ImportPath = $"{Root}/schools/import";

    private static readonly string[] DateParts = ["day", "month", "year"];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("AdminReference", "GET", "staff/admin/reference", ListAsync, Guard),
        HttpFunction.Page("AdminSchoolImportPage", "GET", "staff/admin/reference/schools/import", (HttpContext h) => StaffHtml.Page(h, new AdminSchoolImportPage(FormView.Empty, null)), Guard),
        HttpFunction.Page("AdminSchoolImport", "POST", "staff/admin/reference/schools/import", ImportAsync, b => Guard(b.WithMetadata(new Api.LargerBodyLimit(8 * 1024 * 1024)))),
        HttpFunction.Page("AdminReferenceNew", "GET", "staff/admin/reference/{kind}/new", NewPage, Guard),
        HttpFunction.Page("AdminReferenceAdd", "POST", "staff/admin/reference/{kind}/new", AddAsync, Guard),
        HttpFunction.Page("AdminReferenceItem", "GET", "staff/admin/reference/{kind}/items/{code}", ItemPageAsync, Guard),
        HttpFunction.Page("AdminReferenceChange", "POST", "staff/admin/reference/{kind}/items/{code}", ChangeAsync, Guard),
        HttpFunction.Page("AdminReferenceRetire", "POST", "staff/admin/reference/{kind}/items/{code}/retire", (HttpContext h, string kind, string code, ReferenceDataAdministration a, CancellationToken ct) =>
            StatusAsync(h, kind, code, a, (k, v) => a.RetireAsync(k, code, v, ct), ct), Guard),
        HttpFunction.Page("AdminReferenceReopen", "POST", "staff/admin/reference/{kind}/items/{code}/reopen", (HttpContext h, string kind, string code, ReferenceDataAdministration a, CancellationToken ct) =>
            StatusAsync(h, kind, code, a, (k, v) => a.ReopenAsync(k, code, v, ct), ct), Guard),
        HttpFunction.Page("AdminReferenceDelete", "POST", "staff/admin/reference/{kind}/items/{code}/delete", DeleteAsync, Guard),
    ];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(StaffRole.Admin);

    private static async Task<IResult> ListAsync(HttpContext http, string? kind, string? from, ReferenceDataAdministration admin, CancellationToken ct)
    {
        var chosen = KindOf(kind ?? "schools") ?? ReferenceKind.School;
        var start = from is { Length: > 0 } && ReferenceDataStore.IsCode(from) ? from.Trim() : null;
        var (items, next) = await admin.PageAsync(chosen, start, ct);
        return StaffHtml.Page(http, new AdminReferenceListPage(chosen, items, start, next));
    }

    private static IResult NewPage(HttpContext http, string kind) =>
        KindOf(kind) is { } k ? StaffHtml.Page(http, new AdminReferenceItemPage(k, null, null, NewPath(k), FormView.Empty)) : StaffHtml.NotFound(http);

    private static async Task<IResult> AddAsync(HttpContext http, string kind, ReferenceDataAdministration admin, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k)
        {
            return StaffHtml.NotFound(http);
        }

        var (values, input, dateError) = await ReadAsync(http, ct);
        var result = await admin.AddAsync(k, input, ct);
        return result switch
        {
            Result<Versioned<ReferenceItem>>.Ok => StaffHtml.SeeOther(http, ListPath(k)),
            Result<Versioned<ReferenceItem>>.Invalid invalid => FormAgain(http, k, null, null, NewPath(k), values, WithDate(invalid.Errors, dateError), StatusCodes.Status400BadRequest),
            Result<Versioned<ReferenceItem>>.Conflict conflict => FormAgain(http, k, null, null, NewPath(k), values, new Dictionary<string, string[]> { ["code"] = [conflict.Reason] }, StatusCodes.Status409Conflict),
            _ => StaffHtml.SeeOther(http, ListPath(k)),
        };
    }

    private static async Task<IResult> ItemPageAsync(HttpContext http, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct) =>
        KindOf(kind) is { } k && await admin.GetAsync(k, code, ct) is Result<Versioned<ReferenceItem>>.Ok ok
            ? StaffHtml.Page(http, new AdminReferenceItemPage(k, ok.Value.Value, ok.Value.ETag.ToString(), ItemPath(k, ok.Value.Value.Code), FormView.Of(AnswersOf(ok.Value.Value), new Dictionary<string, string[]>())))
            : StaffHtml.NotFound(http);

    private static async Task<IResult> ChangeAsync(HttpContext http, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k || await admin.GetAsync(k, code, ct) is not Result<Versioned<ReferenceItem>>.Ok current)
        {
            return StaffHtml.NotFound(http);
        }

        var (values, input, dateError) = await ReadAsync(http, ct);
        var version = VersionOf(http, current.Value);
        var item = current.Value.Value;
        return await admin.ChangeAsync(k, code, new ETag(version), input, ct) switch
        {
            Result<Versioned<ReferenceItem>>.Ok => StaffHtml.SeeOther(http, ListPath(k)),
            Result<Versioned<ReferenceItem>>.Invalid invalid => FormAgain(http, k, item, version, ItemPath(k, item.Code), values, WithDate(invalid.Errors, dateError), StatusCodes.Status400BadRequest),
            Result<Versioned<ReferenceItem>>.Stale => await ConflictAsync(http, k, code, admin, values, ct),
            _ => StaffHtml.NotFound(http),
        };
    }

    private static async Task<IResult> StatusAsync(HttpContext http, string kind, string code, ReferenceDataAdministration admin, Func<ReferenceKind, ETag, Task<Result<Versioned<ReferenceItem>>>> change, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k || await admin.GetAsync(k, code, ct) is not Result<Versioned<ReferenceItem>>.Ok current)
        {
            return StaffHtml.NotFound(http);
        }

        await http.Request.ReadFormAsync(ct);
        return await change(k, new ETag(VersionOf(http, current.Value))) switch
        {
            Result<Versioned<ReferenceItem>>.Ok ok => StaffHtml.SeeOther(http, ItemPath(k, ok.Value.Value.Code)),
            Result<Versioned<ReferenceItem>>.Stale => await ConflictAsync(http, k, code, admin, AnswersOf(current.Value.Value), ct),
            _ => StaffHtml.NotFound(http),
        };
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k || await admin.GetAsync(k, code, ct) is not Result<Versioned<ReferenceItem>>.Ok current)
        {
            return StaffHtml.NotFound(http);
        }

        await http.Request.ReadFormAsync(ct);
        return await admin.DeleteAsync(k, code, new ETag(VersionOf(http, current.Value)), ct) switch
        {
            Result<string>.Ok => StaffHtml.SeeOther(http, ListPath(k)),
            // In use: the service's sentence says why and to retire it instead.
            Result<string>.Conflict conflict => StaffHtml.Message(http, StatusCodes.Status409Conflict, "This code cannot be deleted", conflict.Reason, new StaffLink(ItemPath(k, current.Value.Value.Code), "Back to it, to retire it")),
            Result<string>.Stale => await ConflictAsync(http, k, code, admin, AnswersOf(current.Value.Value), ct),
            _ => StaffHtml.NotFound(http),
        };
    }

    /// <summary>The report is the answer to the POST, as the employers' vacancy upload: reloading asks before posting again.</summary>
    private static async Task<IResult> ImportAsync(HttpContext http, SchoolImport import, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
        {
            return FileProblem(http, "Choose a CSV file to upload.");
        }

        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
        var report = await import.ImportAsync(reader, ct);
        return report.FileProblem is { } problem ? FileProblem(http, problem) : StaffHtml.Page(http, new AdminSchoolImportPage(FormView.Empty, report));
    }

    private static IResult FileProblem(HttpContext http, string problem) =>
        StaffHtml.Page(http, new AdminSchoolImportPage(FormView.Of(new Dictionary<string, string[]>(), new Dictionary<string, string[]> { ["file"] = [problem] }), null), StatusCodes.Status400BadRequest);

    /// <summary>409 with the record as saved now beside what this admin sent.</summary>
    private static async Task<IResult> ConflictAsync(HttpContext http, ReferenceKind kind, string code, ReferenceDataAdministration admin, Dictionary<string, string[]> yours, CancellationToken ct)
    {
        if (await admin.GetAsync(kind, code, ct) is not Result<Versioned<ReferenceItem>>.Ok latest)
        {
            return StaffHtml.NotFound(http);
        }

        var theirs = AnswersOf(latest.Value.Value);
        var questions = new (string Field, string Question)[] { ("name", "Name"), ("postcode", "Postcode"), ("detail", "Description"), ("date", "Date"), ("levyPayer", "Pays the levy"), ("sector", "Sector"), ("status", "Status") };
        var rows = questions
            .Select(q => new ConflictRow(q.Question, One(theirs, q.Field), yours.ContainsKey(q.Field) || q.Field == "date" ? One(yours, q.Field) : One(theirs, q.Field)))
            .Where(r => r.Theirs != r.Yours)
            .ToList();
        if (rows.Count == 0)
        {
            rows.Add(new ConflictRow("Record", "Saved again by someone else", "As you last saw it"));
        }

        var item = latest.Value.Value;
        return StaffHtml.Page(http, new StaffConflictPage(item.Name, rows, new StaffLink(ItemPath(kind, item.Code), "See it as it is now")), StatusCodes.Status409Conflict);
    }

    private static async Task<(Dictionary<string, string[]> Values, ReferenceInput Input, string? DateError)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var values = form.ToDictionary(f => f.Key, f => f.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.Ordinal);
        string? Text(string field) => form[field].ToString() is { Length: > 0 } text ? text : null;
        var parts = DateParts.Select(p => form[$"date-{p}"].ToString().Trim()).ToArray();
        string? date = null;
        string? dateError = null;
        if (parts.Any(p => p.Length > 0))
        {
            if (int.TryParse(parts[0], CultureInfo.InvariantCulture, out var day) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var month) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var year)
                && year >= 2000 && DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                date = parsed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else
            {
                // Sent on as it is, so the service refuses the whole form (nothing is written); the page says it our way.
                date = $"not a date: {string.Join(' ', parts)}";
                dateError = "Enter a real date, like 14 10 2026.";
            }
        }

        bool? levy = Text("levyPayer") switch { "true" => true, "false" => false, _ => null };
        return (values, new ReferenceInput(Text("code"), Text("name"), Text("postcode"), Text("detail"), date, levy, Text("sector")), dateError);
    }

    private static Dictionary<string, string[]> WithDate(IReadOnlyDictionary<string, string[]> errors, string? dateError)
    {
        var all = errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
        if (dateError is not null)
        {
            all["date"] = [dateError];
        }

        return all;
    }

    private static IResult FormAgain(HttpContext http, ReferenceKind kind, ReferenceItem? item, string? version, string action, IReadOnlyDictionary<string, string[]> values, IReadOnlyDictionary<string, string[]> errors, int status) =>
        StaffHtml.Page(http, new AdminReferenceItemPage(kind, item, version, action, FormView.Of(values, errors)), status);

    private static Dictionary<string, string[]> AnswersOf(ReferenceItem item)
    {
        var answers = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["code"] = [item.Code],
            ["name"] = [item.Name],
            ["postcode"] = [item.Postcode],
            ["detail"] = [item.Detail],
            ["levyPayer"] = [item.LevyPayer switch { true => "true", false => "false", _ => string.Empty }],
            ["sector"] = [item.Sector?.ToString() ?? string.Empty],
            ["status"] = [item.Status.ToString()],
            ["date-day"] = [item.Date?.Day.ToString(CultureInfo.InvariantCulture) ?? string.Empty],
            ["date-month"] = [item.Date?.Month.ToString(CultureInfo.InvariantCulture) ?? string.Empty],
            ["date-year"] = [item.Date?.Year.ToString(CultureInfo.InvariantCulture) ?? string.Empty],
        };
        return answers;
    }

    /// <summary>One answer as a person reads it; the date from its three boxes.</summary>
    private static string One(Dictionary<string, string[]> answers, string field)
    {
        if (field == "date")
        {
            return string.Join('/', DateParts.Select(p => answers.TryGetValue($"date-{p}", out var v) ? v.FirstOrDefault()?.Trim() : null).Where(p => !string.IsNullOrEmpty(p))) is { Length: > 0 } date ? date : "Not given";
        }

        return answers.TryGetValue(field, out var values) && values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) is { } value ? value.Trim() : "Not given";
    }

    private static string VersionOf(HttpContext http, Versioned<ReferenceItem> current) =>
        http.Request.Form[StaffFormFields.Version].ToString() is { Length: > 0 } version ? version : current.ETag.ToString();

    private static ReferenceKind? KindOf(string segment) => Enum.GetValues<ReferenceKind>().Where(k => AdminReferenceText.Segment(k) == segment).Select(k => (ReferenceKind?)k).FirstOrDefault();

    public static string ListPath(ReferenceKind kind) => $"{Root}?kind={AdminReferenceText.Segment(kind)}";

    private static string NewPath(ReferenceKind kind) => $"{Root}/{AdminReferenceText.Segment(kind)}/new";

    private static string ItemPath(ReferenceKind kind, string code) => $"{Root}/{AdminReferenceText.Segment(kind)}/items/{Uri.EscapeDataString(code)}";
}
