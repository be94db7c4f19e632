using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using BenchmarkDotNet.Configs;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Storage;
using CareersPipeline.Tests.Shared;
using CareersPipeline.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Benchmarks.Site;

/// <summary>
/// The site's performance targets (issue 5): a full build of 10,000 opportunities and every other page at 2 ms a page
/// or less; republishing after one opportunity changes in 100 ms or less, uploading only the changed blobs; an
/// opportunity page with its CSS and JavaScript at 50 KB or less compressed. Everything runs against a real Azurite.
/// </summary>
internal sealed class SiteSuite : IBenchmarkSuite
{
    public string Name => "site";

    public string Description => "static site: full build of 10,000 opportunities, one-change republish on Azurite, page weight (site.md)";

    public async Task<int> RunAsync(string[] args, string resultsDirectory)
    {
        var count = args is ["--opportunities", var n, ..] && int.TryParse(n, out var parsed) && parsed > 0 ? parsed : 10_000;
        var micro = !args.Contains("--no-micro");
        var root = Path.GetFullPath(Path.Combine(resultsDirectory, "..", ".."));
        using var azurite = await LocalAzurite.StartAsync(root);
        await using var services = Services(azurite.ConnectionString, root);
        var report = new SiteReport(count);

        Console.WriteLine($"Seeding {count} opportunities and the demo reference data");
        await SeedAsync(services, count);

        Console.WriteLine("Rendering every page in memory (templates and hashing only)");
        report.RenderOnly = await RenderOnlyAsync(services);

        Console.WriteLine("Full build into an empty $web");
        report.ColdBuild = await services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);
        Console.WriteLine($"  {report.ColdBuild.Rendered} pages, {report.ColdBuild.Uploaded.Count} blobs in {report.ColdBuild.Elapsed.TotalSeconds:0.0} s");
        Console.WriteLine("Full build again, nothing changed");
        report.WarmBuild = await services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);
        Console.WriteLine($"  {report.WarmBuild.Uploaded.Count} blobs in {report.WarmBuild.Elapsed.TotalSeconds:0.0} s");

        Console.WriteLine($"Republishing after one change, {SiteReport.Changes} times");
        await RepublishAsync(services, report);

        report.Weight = await PageWeight.MeasureAsync(services);
        var path = Path.Combine(resultsDirectory, "site.md");
        await File.WriteAllTextAsync(path, report.ToMarkdown());

        if (micro)
        {
            Console.WriteLine("Micro-benchmarks (BenchmarkDotNet, in process)");
            report.Micro = Micro();
            await File.WriteAllTextAsync(path, report.ToMarkdown());
        }

        Console.WriteLine(report.ToMarkdown());
        Console.WriteLine($"Wrote {path}");
        return 0;
    }

    private static IReadOnlyList<(string, double, double)> Micro()
    {
        var summary = BenchmarkRunner.Run<SiteRenderBenchmarks>(ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(250)).WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false)))
            .AddLogger(NullLogger.Instance)
            .WithOption(ConfigOptions.DisableLogFile, true));
        return [.. summary.Reports.Where(r => r.ResultStatistics is not null)
            .Select(r => (r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r.ResultStatistics!.Mean / 1e6, (r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? 0) / 1024.0))];
    }

    private static ServiceProvider Services(string connection, string root)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TOKEN_SIGNING_KEY"] = "benchmark-only-key",
            ["PAGEFIND_PATH"] = Path.Combine(root, "node_modules", "@pagefind", "linux-x64", "bin", Pagefind.BinaryName),
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton(new TableServiceClient(connection));
        services.AddSingleton(new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        services.AddSingleton(new BlobServiceClient(connection));
        services.AddCareersPipelineCore(configuration).AddSiteTemplates();
        return services.BuildServiceProvider();
    }

    private static async Task SeedAsync(IServiceProvider services, int count)
    {
        await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var referenceData = services.GetRequiredService<ReferenceDataStore>();
        foreach (var item in DemoData.Employers.Concat(DemoData.Schools).Concat(DemoData.Events(today)).Concat(DemoData.Programmes(today)))
        {
            await referenceData.UpsertAsync(item, CancellationToken.None);
        }

        var store = services.GetRequiredService<OpportunityStore>();
        var now = TimeProvider.System.GetUtcNow();
        await Parallel.ForAsync(1, count + 1, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, ct) => await store.TryAddAsync(SiteBenchData.Opportunity(n, today, now), ct));
    }

    /// <summary>Every page rendered and hashed as the full build does, but kept out of storage: the templates' own cost.</summary>
    private static async Task<(int Pages, TimeSpan Elapsed)> RenderOnlyAsync(IServiceProvider services)
    {
        var rendering = services.GetRequiredService<SiteRendering>();
        var records = (await services.GetRequiredService<OpportunityStore>().QueryAsync(null, CancellationToken.None)).Select(v => v.Value).ToList();
        var summaries = records.ToDictionary(o => o.Id, OpportunitySummary.From, StringComparer.Ordinal);
        var data = await rendering.ReadDataAsync(summaries, CancellationToken.None);
        SitePage[] pages = [.. rendering.ContentPages(data), .. SitePlan.ListPages(summaries.Values), .. records.Select(SiteRendering.PageOf)];

        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(pages, new ParallelOptions { MaxDegreeOfParallelism = SitePublisher.Concurrency }, async (page, ct) => _ = (await rendering.RenderAsync(page, ct)).Hash);
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return (pages.Length, best);
    }

    private static async Task RepublishAsync(IServiceProvider services, SiteReport report)
    {
        var store = services.GetRequiredService<OpportunityStore>();
        var incremental = services.GetRequiredService<SiteIncrementalPublish>();
        var blobs = services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.Web);
        var ids = (await store.QueryAsync(null, CancellationToken.None)).Select(v => v.Value.Id).Order(StringComparer.Ordinal).ToList();

        // Two changes warm the process up (JIT, connections, the cached site index) and are not counted.
        for (var i = 0; i < 2 + SiteReport.Changes; i++)
        {
            var id = ids[(i * 7919) % ids.Count];
            var current = (await store.FindAsync(id, CancellationToken.None))!;
            await store.TryReplaceAsync(current.Value with { Title = current.Value.Title + " (edited)", UpdatedAt = TimeProvider.System.GetUtcNow() }, current.ETag, CancellationToken.None);
            var before = await EtagsAsync(blobs);
            var watch = Stopwatch.StartNew();
            var published = await incremental.OpportunityChangedAsync(id, CancellationToken.None);
            var elapsed = watch.Elapsed;
            var after = await EtagsAsync(blobs);
            var written = after.Count(b => !before.TryGetValue(b.Key, out var etag) || etag != b.Value) + before.Keys.Count(k => !after.ContainsKey(k));
            if (i >= 2)
            {
                report.Republishes.Add(new Republish(elapsed, published.Rendered, published.Uploaded.Count, written));
            }

            if (i == 1 + SiteReport.Changes)
            {
                // The other way to know what changed: ask storage for each candidate's Content-MD5 instead of the site index.
                var head = Stopwatch.StartNew();
                await Parallel.ForEachAsync(published.Uploaded, async (path, ct) => await blobs.GetBlobClient(path).GetPropertiesAsync(cancellationToken: ct));
                report.HeadCheck = (published.Uploaded.Count, head.Elapsed);
            }
        }
    }

    private static async Task<Dictionary<string, string>> EtagsAsync(BlobContainerClient blobs)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in blobs.GetBlobsAsync())
        {
            etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return etags;
    }
}

internal sealed record Republish(TimeSpan Elapsed, int Rendered, int Uploaded, int BlobsWritten);
