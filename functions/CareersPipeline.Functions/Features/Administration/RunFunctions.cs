using CareersPipeline.Core.Runs;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// The long jobs' progress and last results. They are started where they always were (POST
/// /api/manage/site/rebuild queues a build; POST /api/manage/national-vacancies/import runs the import); each run,
/// the timers' too, records itself.
/// </summary>
public static class RunFunctions
{
    public const int Take = 20;

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("ManageRunsLatest", "GET", "manage/runs", LatestAsync, b => b.RequireStaff(StaffRole.Admin).Produces<IReadOnlyList<RunRecord>>()
            .WithSummary("The latest run of each job (site rebuild, national vacancy import): running, or how it ended")),
        HttpFunction.For("ManageRunsList", "GET", "manage/runs/{kind}", ListAsync, b => b.RequireStaff(StaffRole.Admin).Produces<IReadOnlyList<RunRecord>>().ProducesProblem(404)
            .WithSummary("A job's last 20 runs, newest first ({kind}: site-rebuild or national-vacancy-import)")),
    ];

    private static async Task<IResult> LatestAsync(RunRecordStore runs, CancellationToken ct)
    {
        var latest = new List<RunRecord>();
        foreach (var kind in Enum.GetValues<RunKind>())
        {
            latest.AddRange(await runs.ListAsync(kind, 1, ct));
        }

        return TypedResults.Ok(latest);
    }

    private static async Task<IResult> ListAsync(string kind, RunRecordStore runs, CancellationToken ct) => kind switch
    {
        "site-rebuild" => TypedResults.Ok(await runs.ListAsync(RunKind.SiteRebuild, Take, ct)),
        "national-vacancy-import" => TypedResults.Ok(await runs.ListAsync(RunKind.NationalVacancyImport, Take, ct)),
        _ => NotFound(kind),
    };

    private static ProblemHttpResult NotFound(string kind) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"'{kind}' is not a job: use site-rebuild or national-vacancy-import.");
}
