using System.Text;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Figures;

/// <summary>
/// The figures in the API (the dashboard as JSON, each table as CSV) and the nightly rebuild. Who may read them:
/// admins and programme leads (<see cref="Readers"/>; docs/metrics.md says why not yet by organisation).
/// </summary>
public static class FiguresFunctions
{
    /// <summary>The figures are ICS-wide: journey events do not yet say which organisation a person came through.</summary>
    public static readonly StaffRole[] Readers = [StaffRole.Admin, StaffRole.ProgrammeLead];

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("Figures", "GET", "figures", DashboardAsync, b => b.RequireStaff(Readers).Produces<FiguresDashboard>().ProducesValidationProblem()
            .WithSummary("The workforce figures for a period (from, to: yyyy-MM-dd; default the last 52 weeks), every count disclosure controlled")),
        HttpFunction.For("FiguresCsv", "GET", "figures/csv/{table}", CsvAsync, b => b.RequireStaff(Readers).Produces(200, contentType: "text/csv").ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One figures table as CSV (the same disclosure-controlled cells; formulas defused)")),
        new TimerFunction("RebuildFigures", "FIGURES_REBUILD_SCHEDULE", (services, _, ct) => services.GetRequiredService<FiguresRebuild>().RunAsync(ct)),
    ];

    private static async Task<IResult> DashboardAsync(string? from, string? to, FiguresService figures, CancellationToken ct) =>
        figures.Period(from, to) is Result<FiguresPeriod>.Ok ok
            ? TypedResults.Ok(await figures.DashboardAsync(ok.Value, ct))
            : figures.Period(from, to).Map(_ => 0).ToHttp();

    private static async Task<IResult> CsvAsync(string table, string? from, string? to, FiguresService figures, CancellationToken ct)
    {
        if (figures.Period(from, to) is not Result<FiguresPeriod>.Ok ok)
        {
            return figures.Period(from, to).Map(_ => 0).ToHttp();
        }

        var dashboard = await figures.DashboardAsync(ok.Value, ct);
        if (dashboard.Table(table) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no figures table '{table}'.");
        }

        var csv = FiguresCsv.Of(found, ok.Value);
        return TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", $"{found.Id}-{ok.Value.From:yyyy-MM-dd}-{ok.Value.To:yyyy-MM-dd}.csv");
    }
}
