namespace CareersPipeline.Core.Features.Figures;

/// <summary>The weeks a dashboard covers: from the Monday of the week holding From to the Monday of the week holding To.</summary>
public sealed record FiguresPeriod(DateOnly From, DateOnly To)
{
    public DateOnly FromWeek => FigureKey.WeekOf(From);

    public DateOnly ToWeek => FigureKey.WeekOf(To);
}
