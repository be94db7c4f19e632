using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The candidate index an instance matches with: built from every <see cref="ICandidateSource"/>, kept for
/// MATCH_INDEX_MAX_AGE_MINUTES, and patched straight away for each change this instance hears of. Another instance
/// sees a change once its own index is rebuilt; the nightly full pass reconciles everyone either way.
/// </summary>
public sealed class CandidateIndexCache(IEnumerable<ICandidateSource> sources, IOptions<MatchingOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Snapshot? _current;

    public async Task<CandidateIndex> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } index)
        {
            return index;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return Fresh(_current) ?? await BuildLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads every candidate again (the full pass starts from this).</summary>
    public async Task<CandidateIndex> RebuildAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await BuildLockedAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Reads one candidate again and puts it in (or takes it out of) the index. Returns where it was before and is now,
    /// so the caller can find everyone it could affect; null when no source knows the id.
    /// </summary>
    public async Task<CandidateChange?> RefreshAsync(string candidateId, CancellationToken cancellationToken)
    {
        var source = sources.FirstOrDefault(s => s.Owns(candidateId));
        var state = source is null ? null : await source.FindAsync(candidateId, cancellationToken);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var index = Fresh(_current) ?? await BuildLockedAsync(cancellationToken);
            var before = index.Find(candidateId);
            var after = state is { Open: true } ? state.Candidate : null;
            var updated = after is null ? index.Without(candidateId) : index.With(after);
            Volatile.Write(ref _current, _current! with { Index = updated });
            return state is null && before is null ? null : new CandidateChange(before, state?.Candidate, after is not null, updated);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<CandidateIndex> BuildLockedAsync(CancellationToken cancellationToken)
    {
        var candidates = new List<MatchCandidate>();
        foreach (var source in sources)
        {
            candidates.AddRange(await source.ListOpenAsync(cancellationToken));
        }

        var index = CandidateIndex.Build(candidates);
        Volatile.Write(ref _current, new Snapshot(index, time.GetUtcNow()));
        return index;
    }

    private CandidateIndex? Fresh(Snapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.BuiltAt < TimeSpan.FromMinutes(options.Value.IndexMaxAgeMinutes) ? snapshot.Index : null;

    private sealed record Snapshot(CandidateIndex Index, DateTimeOffset BuiltAt);
}

/// <summary>
/// A candidate as the index had it (<paramref name="Before"/>) and as it is now (<paramref name="Now"/>, open or not),
/// and the index that now holds it.
/// </summary>
public sealed record CandidateChange(MatchCandidate? Before, MatchCandidate? Now, bool Open, CandidateIndex Index)
{
    /// <summary>Every workplace the candidate had or has: the people near any of them may see a difference.</summary>
    public IEnumerable<GeoPoint> Places => (Before?.Locations ?? []).Concat(Now?.Locations ?? []);

    public bool Remote => Before?.Remote == true || Now?.Remote == true;
}
