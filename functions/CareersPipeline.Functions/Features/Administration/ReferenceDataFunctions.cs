using System.Text;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// Admins keeping the codes the public doors check (docs/administration.md). {kind} is schools, events, programmes or
/// employers. Changes carry the record's version in If-Match.
/// </summary>
public static class ReferenceDataFunctions
{
    private const string Kinds = "schools, events, programmes or employers";

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("ManageReferenceList", "GET", "manage/reference/{kind}", ListAsync, b => Admin(b).Produces<IReadOnlyList<ReferenceItemView>>().ProducesProblem(404)
            .WithSummary("Every school, event, programme or employer, open and retired")),
        HttpFunction.For("ManageReferenceAdd", "POST", "manage/reference/{kind}", AddAsync, b => Admin(b).Accepts<ReferenceInput>("application/json")
            .Produces<ReferenceItemView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409).ProducesProblem(415)
            .WithSummary("Add a code by hand; its door takes sign-ups at once")),
        HttpFunction.For("ManageSchoolsImport", "POST", "manage/reference/schools/import", ImportSchoolsAsync, b => Admin(b).Accepts<string>("text/csv")
            .Produces<SchoolImportReport>().ProducesProblem(400).WithMetadata(new LargerBodyLimit(8 * 1024 * 1024))
            .WithSummary("Import schools from a DfE Get Information about Schools CSV extract, with a row-by-row report")),
        HttpFunction.For("ManageReferenceGet", "GET", "manage/reference/{kind}/{code}", GetAsync, b => Admin(b).Produces<ReferenceItemView>().ProducesProblem(404)
            .WithSummary("One code, with its version in ETag")),
        HttpFunction.For("ManageReferenceChange", "PUT", "manage/reference/{kind}/{code}", ChangeAsync, b => Versioned(Admin(b)).Accepts<ReferenceInput>("application/json")
            .Produces<ReferenceItemView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(415)
            .WithSummary("Change name, postcode, description, date, levy and sector (If-Match required)")),
        HttpFunction.For("ManageReferenceRetire", "POST", "manage/reference/{kind}/{code}/retire", RetireAsync, b => Versioned(Admin(b)).Produces<ReferenceItemView>().ProducesProblem(404)
            .WithSummary("Retire a code: its door answers that it no longer takes sign-ups (If-Match required)")),
        HttpFunction.For("ManageReferenceReopen", "POST", "manage/reference/{kind}/{code}/reopen", ReopenAsync, b => Versioned(Admin(b)).Produces<ReferenceItemView>().ProducesProblem(404)
            .WithSummary("Reopen a retired code (If-Match required)")),
        HttpFunction.For("ManageReferenceDelete", "DELETE", "manage/reference/{kind}/{code}", DeleteAsync, b => Versioned(Admin(b)).Produces(StatusCodes.Status204NoContent).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Delete a code nothing names; one in use is refused (retire it instead)")),
    ];

    private static RouteHandlerBuilder Admin(RouteHandlerBuilder builder) => builder.RequireStaff(StaffRole.Admin);

    private static RouteHandlerBuilder Versioned(RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<IResult> ListAsync(string kind, ReferenceDataAdministration admin, CancellationToken ct) =>
        KindOf(kind) is { } k
            ? TypedResults.Ok((await admin.ListAsync(k, ct)).OrderBy(i => i.Value.Name, StringComparer.OrdinalIgnoreCase).Select(i => ReferenceItemView.Of(i.Value, i.ETag.ToString())).ToList())
            : UnknownKind(kind);

    private static async Task<IResult> GetAsync(HttpContext context, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct) =>
        KindOf(kind) is { } k ? (await admin.GetAsync(k, code, ct)).ToVersionedHttp(context, ReferenceItemView.Of) : UnknownKind(kind);

    private static async Task<IResult> AddAsync(HttpContext context, string kind, ReferenceDataAdministration admin, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k)
        {
            return UnknownKind(kind);
        }

        var (input, problem) = await JsonBody.ReadAsync<ReferenceInput>(context.Request, ct);
        return problem ?? (await admin.AddAsync(k, input!, ct)).ToVersionedHttp(context, ReferenceItemView.Of, i => $"/api/manage/reference/{kind}/{i.Code}");
    }

    private static async Task<IResult> ChangeAsync(HttpContext context, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k)
        {
            return UnknownKind(kind);
        }

        if (!Versions.TryReadIfMatch(context.Request, out var version, out var missing))
        {
            return missing!;
        }

        var (input, problem) = await JsonBody.ReadAsync<ReferenceInput>(context.Request, ct);
        return problem ?? (await admin.ChangeAsync(k, code, version, input!, ct)).ToVersionedHttp(context, ReferenceItemView.Of);
    }

    private static async Task<IResult> RetireAsync(HttpContext context, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct) =>
        KindOf(kind) is not { } k ? UnknownKind(kind)
        : !Versions.TryReadIfMatch(context.Request, out var version, out var missing) ? missing!
        : (await admin.RetireAsync(k, code, version, ct)).ToVersionedHttp(context, ReferenceItemView.Of);

    private static async Task<IResult> ReopenAsync(HttpContext context, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct) =>
        KindOf(kind) is not { } k ? UnknownKind(kind)
        : !Versions.TryReadIfMatch(context.Request, out var version, out var missing) ? missing!
        : (await admin.ReopenAsync(k, code, version, ct)).ToVersionedHttp(context, ReferenceItemView.Of);

    private static async Task<IResult> DeleteAsync(HttpContext context, string kind, string code, ReferenceDataAdministration admin, CancellationToken ct)
    {
        if (KindOf(kind) is not { } k)
        {
            return UnknownKind(kind);
        }

        if (!Versions.TryReadIfMatch(context.Request, out var version, out var missing))
        {
            return missing!;
        }

        var result = await admin.DeleteAsync(k, code, version, ct);
        return result is Result<string>.Ok ? TypedResults.NoContent() : result.ToHttp();
    }

    private static async Task<IResult> ImportSchoolsAsync(HttpContext context, SchoolImport import, CancellationToken ct)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var report = await import.ImportAsync(reader, ct);
        return report.FileProblem is { } fileProblem
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file could not be imported", detail: fileProblem)
            : TypedResults.Ok(report);
    }

    private static ReferenceKind? KindOf(string segment) => segment switch
    {
        "schools" => ReferenceKind.School,
        "events" => ReferenceKind.Event,
        "programmes" => ReferenceKind.Programme,
        "employers" => ReferenceKind.Employer,
        _ => null,
    };

    private static ProblemHttpResult UnknownKind(string kind) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"'{kind}' is not a kind of reference data: use {Kinds}.");
}
