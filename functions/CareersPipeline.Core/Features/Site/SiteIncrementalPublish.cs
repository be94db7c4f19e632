using System.Diagnostics;
using System.Runtime.CompilerServices;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Publishes one change without a full build: renders only the pages it affects (the opportunity's page, the list
/// pages whose items changed, the career family counts, the sitemap's part when a page came or went or its date
/// moved), uploads only those whose hash differs from the site index, and deletes what went away. The search index is
/// left for <see cref="SiteSearchRefresh"/>. Without an index yet, or after the templates changed, it does a full
/// build instead.
/// </summary>
public sealed partial class SiteIncrementalPublish(
    SiteRendering rendering,
    OpportunityStore opportunities,
    SitePublisher publisher,
    SiteIndexStore indexStore,
    SiteFullBuild fullBuild,
    SitePublishLock publishLock,
    TimeProvider time,
    ILogger<SiteIncrementalPublish> logger)
{
    // The listed opportunities in list order, for each index this process has seen: sorting 10,000 again for every
    // change would cost more than the rest of the plan.
    private readonly ConditionalWeakTable<SiteIndex, IReadOnlyList<OpportunitySummary>> _listed = new();

    /// <summary>An opportunity was published, edited, closed or archived.</summary>
    public Task<SitePublishReport> OpportunityChangedAsync(string id, CancellationToken cancellationToken) =>
        PublishAsync(async (index, ct) =>
        {
            var found = await opportunities.FindAsync(id, ct);
            var current = found is { } v && OpportunitySummary.HasPage(v.Value.Status) ? v.Value : null;
            var previous = index.Opportunities.GetValueOrDefault(id);
            var summary = current is null ? null : OpportunitySummary.From(current);

            var summaries = new Dictionary<string, OpportunitySummary>(index.Opportunities, StringComparer.Ordinal);
            summaries.Remove(id);
            if (summary is not null)
            {
                summaries[id] = summary;
            }

            var lists = SitePlan.AffectedLists(_listed.GetValue(index, i => SitePlan.Listed(i.Opportunities.Values)), previous, summary);
            var pages = new List<SitePage>(lists.Render);
            var remove = new List<string>(lists.Remove);
            if (current is not null)
            {
                pages.Add(SiteRendering.PageOf(current));
            }
            else
            {
                remove.Add(SitePaths.Opportunity(id));
            }

            // The career pages show how many are open in each family.
            var openBefore = SiteData.OpenByFamily(index.Opportunities.Values);
            var openAfter = SiteData.OpenByFamily(summaries.Values);
            var families = new[] { previous?.CareerFamily, summary?.CareerFamily }.OfType<CareerFamily>().Distinct()
                .Where(f => openBefore.GetValueOrDefault(f) != openAfter.GetValueOrDefault(f) && SitePlan.CareerFamilies.Contains(f))
                .ToList();
            if (families.Count > 0)
            {
                pages.Add(new CareersPage(openAfter));
                pages.AddRange(families.Select(f => new CareerFamilyPage(f, openAfter.GetValueOrDefault(f))));
            }

            // The sitemap shows each opportunity page's day of last change; pages coming and going are seen below.
            var redated = current is not null && previous?.UpdatedAt.UtcDateTime.Date != summary!.UpdatedAt.UtcDateTime.Date;
            return new Change(pages, remove, summaries, lists.Listed, redated ? [SitePaths.Opportunity(id)] : []);
        }, cancellationToken);

    /// <summary>Reference data (events, programmes, schools) changed: every content page is rendered again and compared.</summary>
    public Task<SitePublishReport> ContentChangedAsync(CancellationToken cancellationToken) =>
        PublishAsync(async (index, ct) =>
        {
            var data = await rendering.ReadDataAsync(index.Opportunities, ct);
            var pages = rendering.ContentPages(data).ToList();
            var paths = pages.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
            var remove = index.Hashes.Keys.Where(p => SiteRendering.IsContentPage(p) && !paths.Contains(p)).ToList();
            return new Change(pages, remove, index.Opportunities, null, [.. pages.Select(p => p.Path)]);
        }, cancellationToken);

    private async Task<SitePublishReport> PublishAsync(Func<SiteIndex, CancellationToken, Task<Change>> plan, CancellationToken cancellationToken)
    {
        using var held = await publishLock.EnterAsync(cancellationToken);

        // Another instance may commit the site index first: plan again from the index it wrote. Past the limit the
        // exception leaves the message on its queue, to be retried.
        return await ETagRetry.RunAsync(async (_, _) =>
        {
            var watch = Stopwatch.StartNew();
            if (await indexStore.LoadAsync(cancellationToken) is not { } loaded || loaded.Value.RendererVersion != rendering.Renderer.Version)
            {
                return ETagAttempt.Done(await fullBuild.RunHeldAsync(cancellationToken));
            }

            var index = loaded.Value;
            var change = await plan(index, cancellationToken);
            var files = new List<SiteFile>(change.Pages.Count + 1);
            foreach (var page in change.Pages)
            {
                files.Add(await rendering.RenderAsync(page, cancellationToken));
            }

            var hashes = new Dictionary<string, string>(index.Hashes, StringComparer.Ordinal);
            var deleted = change.Remove.Where(hashes.Remove).ToList();
            foreach (var file in files)
            {
                hashes[file.Path] = file.Hash;
            }

            // The sitemap's parts that list a page that came or went, or whose date moved.
            var parts = deleted.Concat(files.Where(f => !index.Hashes.ContainsKey(f.Path)).Select(f => f.Path)).Concat(change.Redated)
                .Where(p => p.EndsWith(".html", StringComparison.Ordinal)).Select(Sitemaps.PartOf).ToHashSet(StringComparer.Ordinal);
            if (parts.Count > 0)
            {
                var sitemap = rendering.Sitemap(hashes.Keys, change.Summaries, parts);
                files.AddRange(sitemap);
                foreach (var file in sitemap)
                {
                    hashes[file.Path] = file.Hash;
                }

                // A part with no pages left goes too.
                deleted.AddRange(parts.Where(p => sitemap.All(f => f.Path != p) && hashes.Remove(p)));
            }

            // What differs from the index is known before anything is sent, so the new index's changed shards upload
            // beside the files; the index is committed only once the files are all in $web.
            var changed = files.Where(f => !index.Hashes.TryGetValue(f.Path, out var hash) || hash != f.Hash).ToList();
            var pagesChanged = changed.Select(f => f.Path).Concat(deleted).Any(p => p.EndsWith(".html", StringComparison.Ordinal));
            var updated = index with { Opportunities = change.Summaries, Hashes = hashes, SearchStale = index.SearchStale || pagesChanged, BuiltAt = time.GetUtcNow() };
            var staged = Task.Run(() => indexStore.StageAsync(updated, loaded.ETag, cancellationToken), cancellationToken);
            var uploaded = await publisher.UploadAllAsync(changed, cancellationToken);
            await publisher.DeleteAsync(deleted, cancellationToken);
            if (await indexStore.TryCommitAsync(await staged, cancellationToken))
            {
                if (change.Listed is not null)
                {
                    _listed.AddOrUpdate(updated, change.Listed);
                }

                var report = new SitePublishReport(change.Pages.Count, uploaded, deleted, SearchIndexed: false, watch.Elapsed);
                LogPublished(logger, report.Rendered, uploaded.Count, deleted.Count, (long)watch.Elapsed.TotalMilliseconds);
                return ETagAttempt.Done(report);
            }

            return ETagAttempt.Lost<SitePublishReport>();
        }, cancellationToken);
    }

    /// <summary>What to render and remove, the summaries afterwards, the listed ones in order when known, and the pages whose sitemap date may have moved.</summary>
    private sealed record Change(
        IReadOnlyList<SitePage> Pages,
        IReadOnlyList<string> Remove,
        IReadOnlyDictionary<string, OpportunitySummary> Summaries,
        IReadOnlyList<OpportunitySummary>? Listed,
        IReadOnlyList<string> Redated);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site change published: {Rendered} pages rendered, {Uploaded} blobs uploaded, {Deleted} deleted, in {ElapsedMs} ms")]
    private static partial void LogPublished(ILogger logger, int rendered, int uploaded, int deleted, long elapsedMs);
}
