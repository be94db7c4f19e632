using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Matches worked out for a sign-up before its address was verified are dropped when it joins its person: they were
/// never emailed (match emails wait for a verified address), and the person is matched again straight after.
/// </summary>
public sealed class MatchPersonMerge(MatchStore store) : IPersonKeyMerge
{
    public async Task MergeAsync(string fromKey, string toKey, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(fromKey, cancellationToken) is not { } record)
        {
            return;
        }

        if (record.AreaKey is { } area)
        {
            await store.DeleteAreaAsync(area, fromKey, cancellationToken);
        }

        await store.DeleteRecordAsync(fromKey, cancellationToken);
    }
}
