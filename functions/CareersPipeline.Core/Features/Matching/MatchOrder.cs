namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The order of a person's matches: best score first, then what closes soonest, then by id, so that every scorer
/// produces the same list from the same candidates.
/// </summary>
public sealed class MatchOrder : IComparer<ScoredMatch>
{
    public static MatchOrder Instance { get; } = new();

    public int Compare(ScoredMatch x, ScoredMatch y)
    {
        var byScore = y.Score.Total.CompareTo(x.Score.Total);
        if (byScore != 0)
        {
            return byScore;
        }

        var byClosing = x.Candidate.OpenUntil.CompareTo(y.Candidate.OpenUntil);
        return byClosing != 0 ? byClosing : string.CompareOrdinal(x.Candidate.Id, y.Candidate.Id);
    }
}
