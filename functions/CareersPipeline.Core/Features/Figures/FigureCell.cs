namespace CareersPipeline.Core.Features.Figures;

/// <summary>A published cell: its text, and the number a chart draws (null when hidden or not a number).</summary>
public sealed record FigureCell(string Text, double? Value)
{
    public static FigureCell Of(PublishedCount count) => new(count.Text, count.Value);
}
