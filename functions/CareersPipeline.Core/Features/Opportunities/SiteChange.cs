using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>The site-change queue's message: which public page to re-render. Ids only.</summary>
public sealed record SiteChange(string ItemType, string ItemId, string Change);

public sealed class SiteChanges(QueueSender queue)
{
    public Task OpportunityChangedAsync(Opportunity opportunity, string change, CancellationToken cancellationToken) =>
        queue.SendAsync(StorageNames.Queues.SiteChanges, new SiteChange("opportunity", opportunity.Id, change), cancellationToken);

    /// <summary>Whether the public can see any difference: drafts are private until published.</summary>
    public static bool IsPublic(OpportunityStatus before, OpportunityStatus after) =>
        before != OpportunityStatus.Draft || after != OpportunityStatus.Draft;
}
