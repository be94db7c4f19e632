namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// A feature whose items people can be matched to. Opportunities are one; programmes, events and courses register
/// theirs the same way (<c>services.AddSingleton&lt;ICandidateSource, ...&gt;()</c>) and are then matched by the same rules.
/// Candidate ids must not collide across sources: each source owns a prefix.
/// </summary>
public interface ICandidateSource
{
    /// <summary>Whether the id is one of this source's.</summary>
    bool Owns(string candidateId);

    /// <summary>Every candidate open to applications today.</summary>
    Task<IReadOnlyList<MatchCandidate>> ListOpenAsync(CancellationToken cancellationToken);

    /// <summary>The candidate as it is now, open or not; null when there is no such candidate.</summary>
    Task<CandidateState?> FindAsync(string candidateId, CancellationToken cancellationToken);
}

/// <summary>A candidate and whether it is open to applications; a closed one still says where it was.</summary>
public sealed record CandidateState(MatchCandidate Candidate, bool Open);
