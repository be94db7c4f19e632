using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Functions.Tests.Features.Site;

[CollectionDefinition(Name)]
public sealed class SiteIndexGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "SiteIndex";
}

/// <summary>The site index against a real Azurite: what a save writes, what a load reads, and what the sweep removes.</summary>
[Collection(SiteIndexGroup.Name)]
public sealed class SiteIndexStoreTests(AzuriteFixture storage) : IAsyncLifetime
{
    // Azurite stamps blobs with the real clock, so the store's clock starts there.
    private readonly FakeTimeProvider _time = new(TimeProvider.System.GetUtcNow());
    private BlobContainerClient State => storage.Blobs.GetBlobContainerClient(StorageNames.Containers.SiteState);

    public async Task InitializeAsync()
    {
        await State.CreateIfNotExistsAsync();
        await foreach (var blob in State.GetBlobsAsync())
        {
            await State.DeleteBlobAsync(blob.Name);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static OpportunitySummary Summary(int n) => new(
        $"o{n:x24}", OpportunityKind.Apprenticeship, OpportunityStatus.Live, $"Role {n}", "UHNM", "A summary", CareerFamily.Nursing, 2,
        "ST4 6QG", new Wage(WageType.ApprenticeshipMinimum), 37.5m, new DateOnly(2026, 6, 1), new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    private static SiteIndex Index(int count)
    {
        var summaries = Enumerable.Range(1, count).Select(Summary).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var hashes = summaries.Keys.ToDictionary(SitePaths.Opportunity, id => $"page-{id}", StringComparer.Ordinal);
        hashes[SitePaths.Page("opportunities")] = "list-1";
        return new SiteIndex("r1", summaries, hashes, SearchStale: false, new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero));
    }

    private static SiteIndex Edited(SiteIndex index, string id) => index with
    {
        Opportunities = new Dictionary<string, OpportunitySummary>(index.Opportunities, StringComparer.Ordinal) { [id] = index.Opportunities[id] with { Title = "Edited" } },
        Hashes = new Dictionary<string, string>(index.Hashes, StringComparer.Ordinal) { [SitePaths.Opportunity(id)] = "page-edited" },
    };

    private async Task<HashSet<string>> ShardsAsync()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in State.GetBlobsAsync(new GetBlobsOptions { Prefix = SiteIndexStore.ShardFolder }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    [Fact]
    public async Task ASavedIndex_LoadsTheSameInAnotherInstance()
    {
        var index = Index(300);
        Assert.True(await new SiteIndexStore(storage.Blobs, _time).TrySaveAsync(index, null, CancellationToken.None));

        var loaded = await new SiteIndexStore(storage.Blobs, _time).LoadAsync(CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(index.Opportunities.OrderBy(e => e.Key, StringComparer.Ordinal), loaded.Value.Opportunities.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(index.Hashes.OrderBy(e => e.Key, StringComparer.Ordinal), loaded.Value.Hashes.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(SiteIndexShards.Count, (await ShardsAsync()).Count);
    }

    [Fact]
    public async Task EditingOneOpportunity_UploadsOnlyItsShard()
    {
        var store = new SiteIndexStore(storage.Blobs, _time);
        Assert.True(await store.TrySaveAsync(Index(300), null, CancellationToken.None));
        var loaded = (await store.LoadAsync(CancellationToken.None))!;
        var before = await ShardsAsync();
        var id = Summary(42).Id;

        Assert.True(await store.TrySaveAsync(Edited(loaded.Value, id), loaded.ETag, CancellationToken.None));

        var added = Assert.Single((await ShardsAsync()).Except(before));
        Assert.StartsWith($"{SiteIndexStore.ShardFolder}{SiteIndexShards.Of(id):D2}-", added, StringComparison.Ordinal);
        var reread = await new SiteIndexStore(storage.Blobs, _time).LoadAsync(CancellationToken.None);
        Assert.Equal("Edited", reread!.Value.Opportunities[id].Title);
        Assert.Equal("page-edited", reread.Value.Hashes[SitePaths.Opportunity(id)]);
    }

    [Fact]
    public async Task ASaveAfterAnotherInstancesSave_Fails_AndItsNextLoadSeesTheOtherChange()
    {
        Assert.True(await new SiteIndexStore(storage.Blobs, _time).TrySaveAsync(Index(50), null, CancellationToken.None));
        var first = new SiteIndexStore(storage.Blobs, _time);
        var second = new SiteIndexStore(storage.Blobs, _time);
        var seenByFirst = (await first.LoadAsync(CancellationToken.None))!;
        var seenBySecond = (await second.LoadAsync(CancellationToken.None))!;
        var (a, b) = (Summary(1).Id, Summary(2).Id);

        Assert.True(await first.TrySaveAsync(Edited(seenByFirst.Value, a), seenByFirst.ETag, CancellationToken.None));
        Assert.False(await second.TrySaveAsync(Edited(seenBySecond.Value, b), seenBySecond.ETag, CancellationToken.None));
        Assert.False(await second.TrySaveAsync(Index(50), null, CancellationToken.None));

        var now = (await second.LoadAsync(CancellationToken.None))!;
        Assert.Equal("Edited", now.Value.Opportunities[a].Title);
        Assert.NotEqual("Edited", now.Value.Opportunities[b].Title);
    }

    [Fact]
    public async Task Sweep_RemovesUnnamedShardsAndTheOldSingleBlobIndex_OnlyOnceAnHourOld()
    {
        await State.UploadBlobAsync("index.json.gz", BinaryData.FromString("the index of earlier versions"));
        var store = new SiteIndexStore(storage.Blobs, _time);
        Assert.True(await store.TrySaveAsync(Index(100), null, CancellationToken.None));
        var loaded = (await store.LoadAsync(CancellationToken.None))!;
        var first = await ShardsAsync();
        Assert.True(await store.TrySaveAsync(Edited(loaded.Value, Summary(7).Id), loaded.ETag, CancellationToken.None));
        var replaced = first.Single(n => n.StartsWith($"{SiteIndexStore.ShardFolder}{SiteIndexShards.Of(Summary(7).Id):D2}-", StringComparison.Ordinal));
        Assert.Equal(SiteIndexShards.Count + 1, (await ShardsAsync()).Count);

        _time.Advance(SiteIndexStore.SweepAge - TimeSpan.FromMinutes(5));
        Assert.Equal(0, await store.SweepAsync(CancellationToken.None));

        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, await store.SweepAsync(CancellationToken.None));

        var left = await ShardsAsync();
        Assert.DoesNotContain(replaced, left);
        Assert.Equal(SiteIndexShards.Count, left.Count);
        Assert.False(await State.GetBlobClient("index.json.gz").ExistsAsync());
        var reread = await new SiteIndexStore(storage.Blobs, _time).LoadAsync(CancellationToken.None);
        Assert.Equal("Edited", reread!.Value.Opportunities[Summary(7).Id].Title);
    }
}
