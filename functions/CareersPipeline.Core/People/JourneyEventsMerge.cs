namespace CareersPipeline.Core.People;

/// <summary>A sign-up's journey events (its "signed up" day) follow it into its person when its address is verified.</summary>
public sealed class JourneyEventsMerge(JourneyEvents journey) : IPersonKeyMerge
{
    public Task MergeAsync(string fromKey, string toKey, CancellationToken cancellationToken) =>
        journey.MoveAsync(fromKey, toKey, cancellationToken);
}
