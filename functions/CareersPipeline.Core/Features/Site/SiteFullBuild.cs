using System.Collections.Concurrent;
using System.Diagnostics;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Runs;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Renders every page from the data in storage, compares each with what $web holds (one listing, by Content-MD5),
/// uploads what changed, deletes what is no longer generated (archived opportunities, past events, old search
/// files), rebuilds the search index when a searchable page changed (or it was stale), and starts the site index
/// afresh. The nightly timer, the admin endpoint and the search refresh run it.
/// </summary>
public sealed partial class SiteFullBuild(
    SiteRendering rendering,
    OpportunityStore opportunities,
    SitePublisher publisher,
    SiteIndexStore indexStore,
    Pagefind pagefind,
    SitePublishLock publishLock,
    RunRecordStore runs,
    TimeProvider time,
    ILogger<SiteFullBuild> logger)
{
    private const int SaveAttempts = 3;

    /// <param name="startedBy">Who asked, for the run record: a timer, the build command, or the admin's request.</param>
    public async Task<SitePublishReport> RunAsync(CancellationToken cancellationToken, string startedBy = RunRecordStore.Timer)
    {
        using var held = await publishLock.EnterAsync(cancellationToken);
        return await runs.RecordAsync(
            RunKind.SiteRebuild,
            startedBy,
            RunHeldAsync,
            report => (RunOutcome.Succeeded, new Dictionary<string, int> { ["rendered"] = report.Rendered, ["uploaded"] = report.Uploaded.Count, ["deleted"] = report.Deleted.Count },
                report.SearchIndexed ? "Search index rebuilt." : "Search index unchanged."),
            cancellationToken);
    }

    /// <summary>For callers that already hold the publish lock (the incremental publish, when there is no index yet).</summary>
    internal async Task<SitePublishReport> RunHeldAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var existing = await indexStore.LoadAsync(cancellationToken);
            var (index, report) = await BuildAsync(existing?.Value.SearchStale ?? true, cancellationToken);
            var saved = await indexStore.TrySaveAsync(index, existing?.ETag, cancellationToken);
            if (saved)
            {
                await indexStore.SweepAsync(cancellationToken);
            }

            if (saved || attempt == SaveAttempts)
            {
                report = report with { Elapsed = watch.Elapsed };
                LogBuilt(logger, report.Rendered, report.Uploaded.Count, report.Deleted.Count, report.SearchIndexed, (long)report.Elapsed.TotalMilliseconds);
                return report;
            }

            // Another instance published a change while this build read the data; build again from the new data.
        }
    }

    private async Task<(SiteIndex Index, SitePublishReport Report)> BuildAsync(bool searchStale, CancellationToken cancellationToken)
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

        async Task PublishAsync(SiteFile file, CancellationToken ct)
        {
            hashes[file.Path] = file.Hash;
            if (!existing.TryGetValue(file.Path, out var hash) || hash != file.Hash)
            {
                await publisher.UploadAsync(file, ct);
                uploaded.Add(file.Path);
            }
        }

        // Pages render and upload in parallel, a batch at a time. When the search index has to be rebuilt anyway (stale,
        // or not there), the searchable pages go to Pagefind as they come, beside the uploads; otherwise they are kept
        // and indexed at the end only if one of them changed. Either way they go in page order (see IndexAsync).
        var mustIndex = searchStale || !existing.ContainsKey(SitePaths.SearchFolder + "pagefind-entry.json");
        await using var eager = mustIndex ? await pagefind.StartAsync(cancellationToken) : null;
        var feeding = Task.CompletedTask;
        var kept = new List<(string Url, ReadOnlyMemory<byte> Html)>();
        var searchableChanged = false;
        var rendered = 0;
        foreach (var batch in pages.Chunk(256))
        {
            var files = new SiteFile[batch.Length];
            await Parallel.ForAsync(0, batch.Length, new ParallelOptions { MaxDegreeOfParallelism = SitePublisher.Concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
            {
                files[i] = await rendering.RenderAsync(batch[i], ct);
                await PublishAsync(files[i], ct);
            });
            rendered += batch.Length;
            var searchable = Enumerable.Range(0, batch.Length).Where(i => batch[i].IsSearchable).ToList();
            searchableChanged |= searchable.Any(i => existing.GetValueOrDefault(files[i].Path) != files[i].Hash);
            var batchPages = searchable.Select(i => (SitePaths.Url(batch[i].Path), files[i].Content)).ToList();
            if (eager is not null)
            {
                await feeding;
                feeding = eager.AddPagesAsync(batchPages, cancellationToken);
            }
            else if (!mustIndex)
            {
                kept.AddRange(batchPages);
            }
        }

        await feeding;
        foreach (var file in rendering.FixedFiles().Concat(rendering.Sitemap(hashes.Keys, summaries)))
        {
            await PublishAsync(file, cancellationToken);
        }

        var searchIndexed = false;
        if (eager is not null)
        {
            await PublishAllAsync(await eager.FilesAsync(cancellationToken), PublishAsync, cancellationToken);
            searchIndexed = true;
        }
        else if (searchableChanged && !mustIndex)
        {
            searchIndexed = await IndexAsync(kept, PublishAsync, cancellationToken);
        }

        // When the searchable pages are as they were (or Pagefind is missing), the search files stay as they are.
        foreach (var path in existing.Keys.Where(p => !searchIndexed && p.StartsWith(SitePaths.SearchFolder, StringComparison.Ordinal)))
        {
            hashes[path] = existing[path];
        }

        var deleted = existing.Keys.Where(p => !hashes.ContainsKey(p)).ToList();
        await publisher.DeleteAsync(deleted, cancellationToken);

        var tracked = hashes.Where(h => SiteIndex.Tracks(h.Key)).ToDictionary(h => h.Key, h => h.Value, StringComparer.Ordinal);
        var index = new SiteIndex(rendering.Renderer.Version, summaries, tracked, SearchStale: false, time.GetUtcNow());
        return (index, new SitePublishReport(rendered, [.. uploaded], deleted, searchIndexed, TimeSpan.Zero));
    }

    /// <summary>
    /// Pagefind's index of the searchable pages, in page order: its file names come from their content, which depends
    /// on the order pages were added, so the same pages always give the same files. False when Pagefind is missing.
    /// </summary>
    private async Task<bool> IndexAsync(List<(string Url, ReadOnlyMemory<byte> Html)> pages, Func<SiteFile, CancellationToken, Task> publish, CancellationToken cancellationToken)
    {
        await using var search = await pagefind.StartAsync(cancellationToken);
        if (search is null)
        {
            return false;
        }

        foreach (var batch in pages.Chunk(256))
        {
            await search.AddPagesAsync(batch, cancellationToken);
        }

        await PublishAllAsync(await search.FilesAsync(cancellationToken), publish, cancellationToken);
        return true;
    }

    private static Task PublishAllAsync(IReadOnlyList<SiteFile> files, Func<SiteFile, CancellationToken, Task> publish, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = SitePublisher.Concurrency, CancellationToken = cancellationToken }, async (file, ct) => await publish(file, ct));

    [LoggerMessage(Level = LogLevel.Information, Message = "Site built: {Rendered} pages rendered, {Uploaded} blobs uploaded, {Deleted} deleted, search index {SearchIndexed}, in {ElapsedMs} ms")]
    private static partial void LogBuilt(ILogger logger, int rendered, int uploaded, int deleted, bool searchIndexed, long elapsedMs);
}
