using System.Globalization;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// Disclosure control, the one rule every figure, chart and CSV goes through (docs/metrics.md):
/// <list type="number">
/// <item>Primary: a count from 1 to 4 is shown as "&lt;5". Zero is shown as 0 (nobody is described by it).</item>
/// <item>Secondary: a table says which cells add up (a row with its total, a column with its total: a "line"). Where
/// exactly one cell of a line is hidden, the next smallest non-zero cell of that line is hidden too ("*"), and again until
/// no line has a single hidden cell, so no hidden count is a shown total minus shown parts.</item>
/// <item>Rounding: every count still shown is rounded to the nearest 5 (7 is 5, 8 is 10), so differences between
/// tables, or between a figure this week and last, cannot pin down a small group either.</item>
/// </list>
/// </summary>
public static class DisclosureControl
{
    public const int Threshold = 5;
    public const int RoundTo = 5;
    public const string Small = "<5";
    public const string Protecting = "*";

    /// <summary>One count on its own (no line to protect): primary suppression and rounding.</summary>
    public static PublishedCount Publish(long count) =>
        count is > 0 and < Threshold ? new PublishedCount(null, Small) : Shown(count);

    /// <summary>
    /// A grid of counts (totals included as ordinary cells) and the lines that add up: each line lists its cells as
    /// (row, column). Returns the grid as it may be published.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<PublishedCount>> Protect(IReadOnlyList<IReadOnlyList<long>> grid, IEnumerable<IReadOnlyList<(int Row, int Column)>> lines)
    {
        var hidden = new HashSet<(int, int)>();
        for (var r = 0; r < grid.Count; r++)
        {
            for (var c = 0; c < grid[r].Count; c++)
            {
                if (grid[r][c] is > 0 and < Threshold)
                {
                    hidden.Add((r, c));
                }
            }
        }

        var primary = hidden.ToHashSet();
        var lineList = lines.ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lineList)
            {
                if (line.Count(hidden.Contains) != 1)
                {
                    continue;
                }

                // The next smallest that is shown and not zero; a zero hides nothing, so when only zeros are left the
                // line's hidden count is already not recoverable from its neighbours.
                var next = line.Where(cell => !hidden.Contains(cell) && grid[cell.Row][cell.Column] > 0)
                    .OrderBy(cell => grid[cell.Row][cell.Column]).ThenBy(cell => cell.Row).ThenBy(cell => cell.Column)
                    .Cast<(int, int)?>().FirstOrDefault();
                if (next is { } cellToHide)
                {
                    hidden.Add(cellToHide);
                    changed = true;
                }
            }
        }
        while (changed);

        return [.. grid.Select((row, r) => (IReadOnlyList<PublishedCount>)[.. row.Select((n, c) =>
            primary.Contains((r, c)) ? new PublishedCount(null, Small)
            : hidden.Contains((r, c)) ? new PublishedCount(null, Protecting)
            : Shown(n))])];
    }

    /// <summary>The lines of a grid whose rows add up (to their last cell, the total) and/or whose columns do (to the last row).</summary>
    public static IEnumerable<IReadOnlyList<(int Row, int Column)>> Lines(int rows, int columns, bool rowsAddUp, bool columnsAddUp)
    {
        if (rowsAddUp)
        {
            for (var r = 0; r < rows; r++)
            {
                var row = r;
                yield return [.. Enumerable.Range(0, columns).Select(c => (row, c))];
            }
        }

        if (columnsAddUp)
        {
            for (var c = 0; c < columns; c++)
            {
                var column = c;
                yield return [.. Enumerable.Range(0, rows).Select(r => (r, column))];
            }
        }
    }

    /// <summary>Rounds to the nearest <see cref="RoundTo"/> (halves cannot happen with whole counts and 5).</summary>
    public static long Round(long count) => (count + (RoundTo / 2)) / RoundTo * RoundTo;

    /// <summary>
    /// A rate between two published counts, in whole per cent, or null when either is hidden or the base is 0: rates are
    /// worked out from the rounded counts, so a rate never gives away what the rounding hid.
    /// </summary>
    public static int? Rate(PublishedCount part, PublishedCount whole) =>
        part.Value is { } p && whole.Value is { } w && w > 0 ? (int)Math.Round(100.0 * p / w, MidpointRounding.AwayFromZero) : null;

    private static PublishedCount Shown(long count)
    {
        var rounded = Round(count);
        return new PublishedCount(rounded, rounded.ToString("N0", CultureInfo.InvariantCulture));
    }
}
