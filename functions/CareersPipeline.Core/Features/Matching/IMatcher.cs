namespace CareersPipeline.Core.Features.Matching;

/// <summary>Finds a person's best matches among a set of candidates.</summary>
public interface IMatcher
{
    /// <summary>At most <paramref name="count"/> matches, in <see cref="MatchOrder"/>.</summary>
    IReadOnlyList<ScoredMatch> Top(MatchProfile profile, int count, DateOnly today);
}
