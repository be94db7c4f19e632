namespace CareersPipeline.Core.Features.Matching;

/// <summary>The best <c>capacity</c> matches seen so far, kept sorted; small enough that insertion beats a heap.</summary>
internal sealed class TopMatches(int capacity)
{
    private readonly ScoredMatch[] _items = new ScoredMatch[Math.Max(capacity, 0)];
    private int _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>The score a newcomer must at least equal to have a chance, once full.</summary>
    public int WorstScore => _items[_count - 1].Score.Total;

    public void Offer(ScoredMatch match)
    {
        if (_items.Length == 0 || (IsFull && MatchOrder.Instance.Compare(match, _items[_count - 1]) >= 0))
        {
            return;
        }

        var i = IsFull ? _count - 1 : _count++;
        while (i > 0 && MatchOrder.Instance.Compare(match, _items[i - 1]) < 0)
        {
            _items[i] = _items[i - 1];
            i--;
        }

        _items[i] = match;
    }

    public IReadOnlyList<ScoredMatch> ToList() => _items.AsSpan(0, _count).ToArray();
}
