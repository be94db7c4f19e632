namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Statistical disclosure control for a one-way table of counts with its total.
/// Primary suppression: a count from 1 to 4 is shown as "&lt;5". Secondary suppression: while any suppressed count
/// could still be worked out exactly from what is shown (the total minus the other cells, or the bounds of the
/// suppressed cells themselves), the smallest count still shown is hidden as "*"; when no count is left to hide,
/// the total is hidden. Zero is shown as 0.
/// </summary>
public static class SmallNumberSuppression
{
    public const int Threshold = 5;
    public const string Hidden = "*";
    private const long Unbounded = long.MaxValue / 4;

    public static string Below(int threshold) => $"<{threshold}";

    public static SuppressedTable Apply(IReadOnlyList<KeyValuePair<string, int>> counts, int threshold = Threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var marks = counts.Select(c => c.Value is > 0 && c.Value < threshold ? Mark.Primary : Mark.Shown).ToArray();
        var total = counts.Sum(c => c.Value);
        var totalHidden = false;

        while (AnyDerivable(counts, marks, total, totalHidden, threshold))
        {
            var next = Enumerable.Range(0, counts.Count)
                .Where(i => marks[i] == Mark.Shown && counts[i].Value > 0)
                .OrderBy(i => counts[i].Value)
                .Select(i => (int?)i)
                .FirstOrDefault();
            if (next is { } index)
            {
                marks[index] = Mark.Secondary;
            }
            else if (!totalHidden)
            {
                totalHidden = true;
            }
            else
            {
                break;
            }
        }

        return new SuppressedTable(
            totalHidden ? Hidden : Display(total, threshold),
            [.. counts.Select((c, i) => new SuppressedCell(c.Key, marks[i] switch
            {
                Mark.Primary => Below(threshold),
                Mark.Secondary => Hidden,
                _ => c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }))]);
    }

    private static string Display(int count, int threshold) =>
        count is > 0 && count < threshold ? Below(threshold) : count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Whether a reader who knows the rules could pin down a hidden number: each cell is known to lie in
    /// [value, value] when shown, [1, threshold-1] when "&lt;5", [threshold, unbounded) when "*", and the cells add up
    /// to the total (itself exact, [1, threshold-1], or unknown).
    /// </summary>
    private static bool AnyDerivable(IReadOnlyList<KeyValuePair<string, int>> counts, Mark[] marks, int total, bool totalHidden, int threshold)
    {
        var lo = new long[counts.Count];
        var hi = new long[counts.Count];
        for (var i = 0; i < counts.Count; i++)
        {
            (lo[i], hi[i]) = marks[i] switch
            {
                Mark.Primary => (1L, threshold - 1L),
                Mark.Secondary => (threshold, Unbounded),
                _ => (counts[i].Value, counts[i].Value),
            };
        }

        var (totalLo, totalHi) = totalHidden ? (0L, Unbounded)
            : total is > 0 && total < threshold ? (1L, threshold - 1L)
            : (total, total);

        for (var i = 0; i < counts.Count; i++)
        {
            if (marks[i] == Mark.Shown)
            {
                continue;
            }

            var min = Math.Max(lo[i], totalHi >= Unbounded ? lo[i] : totalLo - SumHi(hi, except: i));
            var max = Math.Min(hi[i], totalHi >= Unbounded ? Unbounded : totalHi - SumLo(lo, except: i));
            if (min == max)
            {
                return true;
            }
        }

        // A total shown as "<5" must not be pinned down by the cells either.
        return !totalHidden && total is > 0 && total < threshold
            && Math.Max(totalLo, SumLo(lo, except: -1)) == Math.Min(totalHi, SumHi(hi, except: -1));
    }

    private static long SumLo(long[] lo, int except) => lo.Where((_, j) => j != except).Sum();

    private static long SumHi(long[] hi, int except) =>
        hi.Where((_, j) => j != except).Any(h => h >= Unbounded) ? Unbounded : hi.Where((_, j) => j != except).Sum();

    private enum Mark
    {
        Shown,
        Primary,
        Secondary,
    }
}

public sealed record SuppressedTable(string Total, IReadOnlyList<SuppressedCell> Cells);

public sealed record SuppressedCell(string Category, string Count);
