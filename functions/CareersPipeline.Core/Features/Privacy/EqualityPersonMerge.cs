using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Equality answers given through a sign-up's links before its address was verified follow it into its person, unless
/// the person has answered already (their own answers, given after verification, win).
/// </summary>
public sealed class EqualityPersonMerge(EqualityStore store, TimeProvider time) : IPersonKeyMerge
{
    public async Task MergeAsync(string fromKey, string toKey, CancellationToken cancellationToken)
    {
        if (await store.FindForDataSubjectAsync(fromKey, cancellationToken) is not { } found)
        {
            return;
        }

        if (!await store.ExistsAsync(toKey, cancellationToken))
        {
            await store.SaveAsync(toKey, found.Answers, time.GetUtcNow(), cancellationToken);
        }

        await store.DeleteAsync(fromKey, cancellationToken);
    }
}
