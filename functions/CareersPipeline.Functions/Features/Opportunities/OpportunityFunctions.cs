using System.Text;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Opportunities;

/// <summary>Employers publish and manage opportunities; the public reads live ones. Handlers only translate HTTP.</summary>
public static class OpportunityFunctions
{
    private static readonly StaffRole[] Publishers = [StaffRole.Employer, StaffRole.Admin];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // Public
        HttpFunction.For("ListOpportunities", "GET", "opportunities", OpportunityPublicApi.ListAsync, b => b.Produces<OpportunityPage>().ProducesValidationProblem()),
        HttpFunction.For("GetOpportunity", "GET", "opportunities/{id}", OpportunityPublicApi.GetAsync, b => b.Produces<PublicOpportunity>().ProducesProblem(404)),

        // Employers
        HttpFunction.For("CreateOpportunity", "POST", "employer/opportunities", CreateAsync, b => Staff(b).Accepts<OpportunityInput>("application/json").Produces<Opportunity>(201)),
        HttpFunction.For("ListEmployerOpportunities", "GET", "employer/opportunities", ListAsync, b => Staff(b).Produces<IReadOnlyList<Opportunity>>()),
        HttpFunction.For("GetEmployerOpportunity", "GET", "employer/opportunities/{id}", GetAsync, b => Staff(b).Produces<Opportunity>()),
        HttpFunction.For("UpdateOpportunity", "PUT", "employer/opportunities/{id}", UpdateAsync, b => Versioned(Staff(b)).Accepts<OpportunityInput>("application/json").Produces<Opportunity>().ProducesProblem(StatusCodes.Status428PreconditionRequired)),
        HttpFunction.For("PublishOpportunity", "POST", "employer/opportunities/{id}/publish", PublishAsync, b => Versioned(Staff(b)).Produces<Opportunity>()),
        HttpFunction.For("CloseOpportunity", "POST", "employer/opportunities/{id}/close", CloseAsync, b => Versioned(Staff(b)).Accepts<CloseRequest>("application/json").Produces<Opportunity>()),
        HttpFunction.For("ArchiveOpportunity", "POST", "employer/opportunities/{id}/archive", ArchiveAsync, b => Versioned(Staff(b)).Produces<Opportunity>()),
        HttpFunction.For("CopyOpportunity", "POST", "employer/opportunities/{id}/copy", CopyAsync, b => Staff(b).Produces<Opportunity>(201)),
        HttpFunction.For("UploadVacancies", "POST", "employer/opportunities/upload", UploadAsync, b => Staff(b).Accepts<string>("text/csv").Produces<CsvImportReport>().WithMetadata(new LargerBodyLimit(2 * 1024 * 1024))),
        HttpFunction.For("VacancyUploadTemplate", "GET", "employer/opportunities/upload/template", Template, b => b.RequireStaff(Publishers).Produces<string>(200, VacancyCsvTemplate.ContentType)),

        new TimerFunction("CloseExpiredOpportunities", "OPPORTUNITY_CLOSING_SCHEDULE", (services, _, ct) => services.GetRequiredService<OpportunityClosingJob>().RunAsync(ct)),
    ];

    private static RouteHandlerBuilder Staff(RouteHandlerBuilder builder) =>
        builder.RequireStaff(Publishers).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409);

    /// <summary>Changes that honour If-Match: 412 when the opportunity changed since the ETag the caller read.</summary>
    private static RouteHandlerBuilder Versioned(RouteHandlerBuilder builder) => builder.ProducesProblem(StatusCodes.Status412PreconditionFailed);

    private static async Task<IResult> CreateAsync(HttpContext context, OpportunityService service, CancellationToken ct)
    {
        var (input, problem) = await JsonBody.ReadAsync<OpportunityInput>(context.Request, ct);
        return problem ?? (await service.CreateAsync(StaffAccess.StaffOf(context), input!, ct)).ToHttp(o => $"/api/employer/opportunities/{o.Id}");
    }

    private static async Task<IResult> ListAsync(HttpContext context, string? employer, OpportunityService service, CancellationToken ct) =>
        TypedResults.Ok(await service.ListAsync(StaffAccess.StaffOf(context), employer, ct));

    private static async Task<IResult> GetAsync(HttpContext context, string id, OpportunityService service, CancellationToken ct) =>
        (await service.FindAsync(StaffAccess.StaffOf(context), id, ct)).ToHttp(context);

    /// <summary>Replaces the content; If-Match is required, so a second person's stale copy never overwrites the first's change.</summary>
    private static async Task<IResult> UpdateAsync(HttpContext context, string id, OpportunityService service, CancellationToken ct)
    {
        if (IfMatch.Of(context.Request) is not { } expected)
        {
            return IfMatch.Required();
        }

        var (input, problem) = await JsonBody.ReadAsync<OpportunityInput>(context.Request, ct);
        return problem ?? (await service.UpdateAsync(StaffAccess.StaffOf(context), id, input!, expected, ct)).ToHttp(context);
    }

    private static async Task<IResult> PublishAsync(HttpContext context, string id, OpportunityService service, CancellationToken ct) =>
        (await service.PublishAsync(StaffAccess.StaffOf(context), id, IfMatch.Of(context.Request), ct)).ToHttp(context);

    private static async Task<IResult> CloseAsync(HttpContext context, string id, OpportunityService service, CancellationToken ct)
    {
        var (request, problem) = await JsonBody.ReadAsync<CloseRequest>(context.Request, ct);
        if (problem is not null)
        {
            return problem;
        }

        if (!Enum.TryParse<ClosureReason>(request!.Reason, ignoreCase: true, out var reason) || reason is not (ClosureReason.Filled or ClosureReason.Manual))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = ["Give the reason: Filled or Manual."] });
        }

        return (await service.CloseAsync(StaffAccess.StaffOf(context), id, reason, request.Note?.Trim(), IfMatch.Of(context.Request), ct)).ToHttp(context);
    }

    private static async Task<IResult> ArchiveAsync(HttpContext context, string id, OpportunityService service, CancellationToken ct) =>
        (await service.ArchiveAsync(StaffAccess.StaffOf(context), id, IfMatch.Of(context.Request), ct)).ToHttp(context);

    private static async Task<IResult> CopyAsync(HttpContext context, string id, OpportunityService service, CancellationToken ct) =>
        (await service.CopyAsync(StaffAccess.StaffOf(context), id, ct)).ToHttp(o => $"/api/employer/opportunities/{o.Id}");

    private static Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult Template() =>
        TypedResults.File(VacancyCsvTemplate.Bytes(), VacancyCsvTemplate.ContentType, VacancyCsvTemplate.FileName);

    private static async Task<IResult> UploadAsync(HttpContext context, string? employer, VacancyCsvImport import, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(employer))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["employer"] = ["Say which employer the vacancies are for: ?employer=CODE."] });
        }

        var staff = StaffAccess.StaffOf(context);
        if (!staff.CanActFor(employer))
        {
            return StaffAccess.Forbidden($"You cannot publish for employer '{employer}'.");
        }

        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var report = await import.ImportAsync(staff, employer, reader, ct);
        return report.FileProblem is { } fileProblem
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The file could not be imported", detail: fileProblem)
            : TypedResults.Ok(report);
    }
}

public sealed record CloseRequest(string? Reason, string? Note);
