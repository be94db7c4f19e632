using System.Collections.Concurrent;
using System.Diagnostics;
using CareersPipeline.Core.Features.Opportunities;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Renders every page from the data in storage, compares each with what $web holds (one listing, by Content-MD5),
/// uploads what changed, deletes what is no longer generated (archived opportunities, past events, old search
/// files), rebuilds the search index, and starts the site index afresh. The nightly timer and the admin endpoint run it.
/// </summary>
public sealed partial class SiteFullBuild(
    SiteRendering rendering,
    OpportunityStore opportunities,
    SitePublisher publisher,
    SiteIndexStore indexStore,
    Pagefind pagefind,
    SitePublishLock publishLock,
    TimeProvider time,
    ILogger<SiteFullBuild> logger)
{
    private const int SaveAttempts = 3;

    public async Task<SitePublishReport> RunAsync(CancellationToken cancellationToken)
    {
        using var held = await publishLock.EnterAsync(cancellationToken);
        return await RunHeldAsync(cancellationToken);
    }

    /// <summary>For callers that already hold the publish lock (the incremental publish, when there is no index yet).</summary>
    internal async Task<SitePublishReport> RunHeldAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var existing = await indexStore.LoadAsync(cancellationToken);
            var (index, report) = await BuildAsync(cancellationToken);
            if (await indexStore.TrySaveAsync(index, existing?.ETag, cancellationToken) || attempt == SaveAttempts)
            {
                report = report with { Elapsed = watch.Elapsed };
                LogBuilt(logger, report.Rendered, report.Uploaded.Count, report.Deleted.Count, report.SearchIndexed, (long)report.Elapsed.TotalMilliseconds);
                return report;
            }

            // Another instance published a change while this build read the data; build again from the new data.
        }
    }

    private async Task<(SiteIndex Index, SitePublishReport Report)> BuildAsync(CancellationToken cancellationToken)
    {
        var published = publisher.ListAsync(cancellationToken);
        var records = (await opportunities.QueryAsync(null, cancellationToken))
            .Select(v => v.Value)
            .Where(o => OpportunitySummary.HasPage(o.Status))
            .ToList();
        var summaries = records.ToDictionary(o => o.Id, OpportunitySummary.From, StringComparer.Ordinal);
        var data = await rendering.ReadDataAsync(summaries, cancellationToken);
        var existing = await published;

        IEnumerable<SitePage> pages = [.. rendering.ContentPages(data), .. SitePlan.ListPages(summaries.Values), .. records.Select(SiteRendering.PageOf)];
        var hashes = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var uploaded = new ConcurrentBag<string>();
        await using var search = await pagefind.StartAsync(cancellationToken);

        async Task PublishAsync(SiteFile file, CancellationToken ct)
        {
            hashes[file.Path] = file.Hash;
            if (!existing.TryGetValue(file.Path, out var hash) || hash != file.Hash)
            {
                await publisher.UploadAsync(file, ct);
                uploaded.Add(file.Path);
            }
        }

        // Pages render and upload in parallel, a batch at a time, while the previous batch goes to Pagefind in page
        // order: its index files are named by their content, which depends on the order pages were added, so the same
        // site always gives the same files.
        var rendered = 0;
        var indexing = Task.CompletedTask;
        foreach (var batch in pages.Chunk(256))
        {
            var files = new SiteFile[batch.Length];
            await Parallel.ForAsync(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = SitePublisher.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                files[i] = await rendering.RenderAsync(batch[i], ct);
                await PublishAsync(files[i], ct);
            });
            rendered += batch.Length;
            await indexing;
            indexing = search is null ? Task.CompletedTask : search.AddPagesAsync(batch.Zip(files).Where(p => p.First.IsSearchable).Select(p => (SitePaths.Url(p.First.Path), p.Second.Content)), cancellationToken);
        }

        await indexing;
        IEnumerable<SiteFile> extra = [.. rendering.FixedFiles(), rendering.Sitemap(hashes.Keys, summaries), .. search is null ? [] : await search.FilesAsync(cancellationToken)];
        foreach (var file in extra)
        {
            await PublishAsync(file, cancellationToken);
        }

        // Without a search binary the last index stays as it was rather than disappearing.
        var keep = existing.Keys.Where(p => search is null && p.StartsWith(SitePaths.SearchFolder, StringComparison.Ordinal));
        foreach (var path in keep)
        {
            hashes[path] = existing[path];
        }

        var deleted = existing.Keys.Where(p => !hashes.ContainsKey(p)).ToList();
        await publisher.DeleteAsync(deleted, cancellationToken);

        var index = new SiteIndex(rendering.Renderer.Version, summaries, new Dictionary<string, string>(hashes, StringComparer.Ordinal), SearchStale: false, time.GetUtcNow());
        return (index, new SitePublishReport(rendered, [.. uploaded], deleted, search is not null, TimeSpan.Zero));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site built: {Rendered} pages rendered, {Uploaded} blobs uploaded, {Deleted} deleted, search index {SearchIndexed}, in {ElapsedMs} ms")]
    private static partial void LogBuilt(ILogger logger, int rendered, int uploaded, int deleted, bool searchIndexed, long elapsedMs);
}

/// <summary>One publish at a time in this process; across instances the site index's ETag keeps them apart.</summary>
public sealed class SitePublishLock : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Held(_gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
