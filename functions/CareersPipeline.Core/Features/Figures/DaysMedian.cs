namespace CareersPipeline.Core.Features.Figures;

/// <summary>The median of whole days kept as a count per number of days (what the figures store instead of people's dates).</summary>
public static class DaysMedian
{
    /// <summary>The median (the mean of the two middle values when the count is even), or null for no one.</summary>
    public static double? Of(IReadOnlyDictionary<int, long> countByDays)
    {
        var total = countByDays.Values.Sum();
        if (total == 0)
        {
            return null;
        }

        var ordered = countByDays.Where(d => d.Value > 0).OrderBy(d => d.Key).ToList();
        return (At(ordered, (total - 1) / 2) + At(ordered, total / 2)) / 2.0;
    }

    private static int At(List<KeyValuePair<int, long>> ordered, long index)
    {
        long seen = 0;
        foreach (var (days, n) in ordered)
        {
            seen += n;
            if (index < seen)
            {
                return days;
            }
        }

        throw new InvalidOperationException("Index beyond the counts.");
    }
}
