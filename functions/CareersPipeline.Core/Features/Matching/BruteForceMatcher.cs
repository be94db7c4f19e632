namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The reference scorer: every candidate through <see cref="MatchRules"/>, sorted, cut. Obviously right and slow;
/// <see cref="CandidateIndex"/> must give exactly its answers (tested on random data, compared in the benchmark).
/// </summary>
public sealed class BruteForceMatcher(IReadOnlyList<MatchCandidate> candidates) : IMatcher
{
    public IReadOnlyList<ScoredMatch> Top(MatchProfile profile, int count, DateOnly today)
    {
        var matches = new List<ScoredMatch>();
        foreach (var candidate in candidates)
        {
            var evaluation = MatchRules.Evaluate(profile, candidate, today);
            if (evaluation.IsMatch)
            {
                matches.Add(new ScoredMatch(candidate, evaluation.Score, evaluation.DistanceMiles));
            }
        }

        matches.Sort(MatchOrder.Instance);
        return matches.Count > count ? matches.GetRange(0, Math.Max(count, 0)) : matches;
    }
}
