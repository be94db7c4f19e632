namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The best <c>capacity</c> matches seen so far, kept sorted; small enough that insertion beats a heap. Each comes
/// with its place in the candidates' id order, so ties are broken on numbers in the order <see cref="MatchOrder"/>
/// gives, without reading the candidates.
/// </summary>
internal sealed class TopMatches(int capacity)
{
    private readonly Entry[] _items = new Entry[Math.Max(capacity, 0)];
    private int _count;

    /// <summary>
    /// The score a newcomer must at least equal to have a chance: the worst kept once the list is full, and
    /// int.MinValue before, so "cannot beat" is one comparison in the scorers' loops.
    /// </summary>
    public int Threshold { get; private set; } = capacity > 0 ? int.MinValue : int.MaxValue;

    /// <param name="idOrder">The candidate's position when all candidates are sorted by id (ordinal).</param>
    public void Offer(ScoredMatch match, int idOrder)
    {
        var entry = new Entry(match.Score.Total, match.Candidate.OpenUntil.DayNumber, idOrder, match);
        if (_items.Length == 0 || (_count == _items.Length && !entry.Beats(_items[_count - 1])))
        {
            return;
        }

        var i = _count == _items.Length ? _count - 1 : _count++;
        while (i > 0 && entry.Beats(_items[i - 1]))
        {
            _items[i] = _items[i - 1];
            i--;
        }

        _items[i] = entry;
        if (_count == _items.Length)
        {
            Threshold = _items[_count - 1].Total;
        }
    }

    public IReadOnlyList<ScoredMatch> ToList()
    {
        var list = new ScoredMatch[_count];
        for (var i = 0; i < _count; i++)
        {
            list[i] = _items[i].Match;
        }

        return list;
    }

    private readonly record struct Entry(int Total, int OpenUntilDay, int IdOrder, ScoredMatch Match)
    {
        public bool Beats(in Entry other) =>
            Total != other.Total ? Total > other.Total
            : OpenUntilDay != other.OpenUntilDay ? OpenUntilDay < other.OpenUntilDay
            : IdOrder < other.IdOrder;
    }
}
