using CareersPipeline.Core.Features.NationalVacancies;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.NationalVacancies;

/// <summary>The DfE national apprenticeships import: on its schedule, and on demand for admins.</summary>
public static class NationalVacancyFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        // The outcome is logged by the import; a failed run changes nothing and the next occurrence tries again.
        new TimerFunction("ImportNationalVacancies", "NATIONAL_VACANCIES_SCHEDULE", (services, _, ct) => services.GetRequiredService<NationalVacancyImport>().RunAsync(ct)),

        HttpFunction.For(
            "ImportNationalVacanciesNow",
            "POST",
            "manage/national-vacancies/import",
            ImportAsync,
            b => b.RequireStaff(StaffRole.Admin)
                .Produces<NationalImportSummary>()
                .ProducesProblem(StatusCodes.Status502BadGateway)
                .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
                .WithSummary("Run the national vacancies import now")),

        // Its twin on the admin's runs page: the run records its own outcome, which the page shows.
        HttpFunction.Page("ImportNationalVacanciesPage", "POST", "staff/admin/runs/national-vacancy-import", ImportFromPageAsync, b => b.RequireStaffPage(StaffRole.Admin)),
    ];

    private static async Task<IResult> ImportFromPageAsync(HttpContext context, NationalVacancyImport import, CancellationToken cancellationToken)
    {
        await import.RunAsync(cancellationToken, StaffAccess.StaffOf(context).SubjectId);
        return StaffHtml.SeeOther(context, "/staff/admin/runs?started=national-vacancy-import");
    }

    private static async Task<IResult> ImportAsync(HttpContext context, NationalVacancyImport import, CancellationToken cancellationToken) =>
        await import.RunAsync(cancellationToken, StaffAccess.StaffOf(context).SubjectId) switch
        {
            NationalImportOutcome.Completed completed => TypedResults.Ok(completed.Summary),
            NationalImportOutcome.NotConfigured => TypedResults.Problem(
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Not configured",
                detail: "The national vacancies import has no DfE subscription key (DFE_VACANCIES_API_KEY)."),
            NationalImportOutcome.Failed failed => TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The DfE vacancies API failed",
                detail: $"The import stopped because {failed.Reason}. Nothing was changed."),
            var other => throw new InvalidOperationException($"Unhandled outcome {other.GetType().Name}"),
        };
}
