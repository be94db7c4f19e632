namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The reference scorer: every candidate through <see cref="MatchRules"/>, sorted, cut. Obviously right and slow;
/// <see cref="CandidateIndex"/> must give exactly its answers (tested on random data, compared in the benchmark).
/// </summary>
public sealed class BruteForceMatcher(IReadOnlyList<MatchCandidate> candidates) : IMatcher
{
    private readonly CandidateFacts[] _facts = [.. candidates.Select(c => new CandidateFacts(c))];

    public IReadOnlyList<ScoredMatch> Top(MatchProfile profile, int count, DateOnly today)
    {
        var person = new PersonFacts(profile);
        var matches = new List<ScoredMatch>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var evaluation = MatchRules.Evaluate(person, _facts[i], today);
            if (evaluation.IsMatch)
            {
                matches.Add(new ScoredMatch(candidates[i], evaluation.Score, evaluation.DistanceMiles));
            }
        }

        matches.Sort(MatchOrder.Instance);
        return matches.Count > count ? matches.GetRange(0, Math.Max(count, 0)) : matches;
    }
}
