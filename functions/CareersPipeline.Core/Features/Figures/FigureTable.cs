namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// One published table of the dashboard, already through <see cref="DisclosureControl"/>: what the page shows (and
/// draws, from <see cref="ChartColumn"/>), the CSV and the API all come from this, so none can show more than another.
/// </summary>
/// <param name="Id">Its name in URLs (the CSV: /api/figures/{id}.csv).</param>
/// <param name="Columns">Headings: the first is the rows' own heading.</param>
/// <param name="ChartColumn">The cell (0-based, after the label) drawn as bars, or null for no chart.</param>
public sealed record FigureTable(string Id, string Title, string Description, IReadOnlyList<string> Columns, IReadOnlyList<FigureRow> Rows, int? ChartColumn);
