using System.Globalization;
using CareersPipeline.Core.Runs;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// The long jobs' page: their recent runs (<see cref="RunRecordStore"/>, as <see cref="RunFunctions"/>). Its buttons post
/// to the jobs' own features (Site, NationalVacancies), which start them as their API twins do and come back here.
/// </summary>
public static class AdminRunPages
{
    public const string Root = "/staff/admin/runs";

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("AdminRuns", "GET", "staff/admin/runs", ListAsync, Guard),
    ];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(StaffRole.Admin);

    private static async Task<IResult> ListAsync(HttpContext http, string? started, RunRecordStore runs, CancellationToken ct)
    {
        // The notice comes from a fixed list, never echoed from the query.
        var notice = started switch
        {
            "site-rebuild" => "A full site rebuild is queued. It appears below when it starts; reload this page to see its progress.",
            "national-vacancy-import" => "The national vacancy import ran. Its result is below.",
            _ => null,
        };
        return StaffHtml.Page(http, new AdminRunsPage(
            await runs.ListAsync(RunKind.SiteRebuild, RunFunctions.Take, ct),
            await runs.ListAsync(RunKind.NationalVacancyImport, RunFunctions.Take, ct),
            notice));
    }

    /// <summary>A run in a few words, for the home page's card.</summary>
    public static string Describe(RunRecord? run) => run switch
    {
        null => "never run",
        { Outcome: RunOutcome.Running } => $"running since {run.StartedAt.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC",
        _ => $"{AdminRunText.Outcome(run.Outcome).ToLowerInvariant()} on {run.StartedAt.ToString("d MMMM yyyy HH:mm", CultureInfo.InvariantCulture)} UTC",
    };
}
