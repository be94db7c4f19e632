namespace CareersPipeline.Core.Features.Figures;

/// <summary>Counts by <see cref="FigureKey"/>: what a person contributes, what a change adds or takes away, or the whole summary.</summary>
public sealed class FigureTally
{
    private readonly Dictionary<FigureKey, long> _counts = [];

    public IReadOnlyDictionary<FigureKey, long> Counts => _counts;

    public void Add(FigureKey key, long by)
    {
        var value = _counts.GetValueOrDefault(key) + by;
        if (value == 0)
        {
            _counts.Remove(key);
        }
        else
        {
            _counts[key] = value;
        }
    }

    public void Add(FigureTally other, long sign = 1)
    {
        foreach (var (key, n) in other._counts)
        {
            Add(key, n * sign);
        }
    }

    /// <summary>The total over the keys that match.</summary>
    public long Sum(Func<FigureKey, bool> where) => _counts.Where(c => where(c.Key)).Sum(c => c.Value);
}
