namespace CareersPipeline.Core.Features.Figures;

public sealed record FigureRow(string Label, IReadOnlyList<FigureCell> Cells);
