using CareersPipeline.Core.Messages;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// Tells the rest of the pipeline that an opportunity changed where the public can see it: the static site re-renders
/// its pages (site-changes) and matching looks again at the people near it (match-candidates). Ids only.
/// </summary>
public sealed class OpportunityChanges(QueueSender queue, MatchRequests matching)
{
    public async Task ChangedAsync(Opportunity opportunity, string change, CancellationToken cancellationToken)
    {
        await queue.SendAsync(StorageNames.Queues.SiteChanges, new SiteChange("opportunity", opportunity.Id, change), cancellationToken);
        await matching.CandidateAsync(opportunity.Id, cancellationToken);
    }

    /// <summary>Whether the public can see any difference: drafts are private until published.</summary>
    public static bool IsPublic(OpportunityStatus before, OpportunityStatus after) =>
        before != OpportunityStatus.Draft || after != OpportunityStatus.Draft;
}
