using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Messages;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// The site-changes queue's consumer. An opportunity's change is published incrementally; a reference-data change
/// renders the content pages again; "site" asks for a full build (the admin endpoint queues it, so the request
/// returns at once and a failed build is retried like any message).
/// </summary>
public sealed partial class SiteChangeHandler(SiteIncrementalPublish incremental, SiteFullBuild fullBuild, ILogger<SiteChangeHandler> logger)
{
    public const string OpportunityItem = "opportunity";
    public const string ReferenceDataItem = SiteChange.ReferenceDataItem;
    public const string SiteItem = "site";

    public static SiteChange RebuildRequest(string requestedBy) => new(SiteItem, "all", "rebuild requested by " + requestedBy);

    public async Task HandleAsync(SiteChange change, CancellationToken cancellationToken)
    {
        LogReceived(logger, change.ItemType, change.ItemId, change.Change);
        switch (change.ItemType)
        {
            case OpportunityItem when OpportunityIds.IsWellFormed(change.ItemId):
                await incremental.OpportunityChangedAsync(change.ItemId, cancellationToken);
                break;
            case ReferenceDataItem:
                await incremental.ContentChangedAsync(cancellationToken);
                break;
            case SiteItem:
                await fullBuild.RunAsync(cancellationToken, change.Change);
                break;
            default:
                // Nothing to retry: a message naming nothing the site shows would fail the same way five times.
                LogIgnored(logger, change.ItemType, change.ItemId);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site change: {ItemType} {ItemId} {Change}")]
    private static partial void LogReceived(ILogger logger, string itemType, string itemId, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site change ignored: nothing on the site is a {ItemType} called {ItemId}")]
    private static partial void LogIgnored(ILogger logger, string itemType, string itemId);
}

/// <summary>Timer job: when pages changed since the search index was built, a full build (which rebuilds it). At most once a run.</summary>
public sealed class SiteSearchRefresh(SiteIndexStore indexStore, SiteFullBuild fullBuild)
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        if (await indexStore.LoadAsync(cancellationToken) is not { Value.SearchStale: true })
        {
            return false;
        }

        await fullBuild.RunAsync(cancellationToken);
        return true;
    }
}
