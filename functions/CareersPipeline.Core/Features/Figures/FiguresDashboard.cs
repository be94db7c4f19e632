namespace CareersPipeline.Core.Features.Figures;

/// <summary>The figures for a period, every table published (disclosure controlled).</summary>
public sealed record FiguresDashboard(FiguresPeriod Period, IReadOnlyList<FigureTable> Tables)
{
    public FigureTable? Table(string id) => Tables.FirstOrDefault(t => t.Id == id);
}
