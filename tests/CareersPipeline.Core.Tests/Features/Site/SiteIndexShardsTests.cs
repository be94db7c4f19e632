using CareersPipeline.Core.Features.Site;

namespace CareersPipeline.Core.Tests.Features.Site;

public sealed class SiteIndexShardsTests
{
    private static SiteIndex Index(int opportunities)
    {
        var summaries = SiteTestData.Many(opportunities);
        var hashes = summaries.Keys.ToDictionary(SitePaths.Opportunity, id => $"hash-of-{id}", StringComparer.Ordinal);
        foreach (var path in new[] { SitePaths.IndexDocument, SitePaths.Page("opportunities"), SitePaths.Page("opportunities/page/2"), SitePaths.Page("opportunities/apprenticeships"), "sitemaps/pages.xml" })
        {
            hashes[path] = $"hash-of-{path}";
        }

        return new SiteIndex("r1", summaries, hashes, SearchStale: true, new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void SplitThenJoin_GivesBackEveryEntry()
    {
        var index = Index(500);

        var shards = SiteIndexShards.Split(index);
        var joined = SiteIndexShards.Join(new SiteIndexManifest(index.RendererVersion, index.SearchStale, index.BuiltAt, []), shards);

        Assert.Equal(SiteIndexShards.Count, shards.Length);
        Assert.Equal(index.Opportunities.OrderBy(e => e.Key, StringComparer.Ordinal), joined.Opportunities.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(index.Hashes.OrderBy(e => e.Key, StringComparer.Ordinal), joined.Hashes.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal((index.RendererVersion, index.SearchStale, index.BuiltAt), (joined.RendererVersion, joined.SearchStale, joined.BuiltAt));
    }

    [Fact]
    public void AnOpportunitysPageHash_LivesInTheShardOfItsSummary_AndOtherFilesInTheLast()
    {
        var shards = SiteIndexShards.Split(Index(200));

        for (var i = 0; i < SiteIndexShards.OpportunityShards; i++)
        {
            Assert.Equal(shards[i].Opportunities.Keys.Select(SitePaths.Opportunity).Order(StringComparer.Ordinal), shards[i].Hashes.Keys.Order(StringComparer.Ordinal));
        }

        Assert.Empty(shards[^1].Opportunities);
        Assert.Equal(
            new[] { SitePaths.IndexDocument, SitePaths.Page("opportunities"), SitePaths.Page("opportunities/apprenticeships"), SitePaths.Page("opportunities/page/2"), "sitemaps/pages.xml" }.Order(StringComparer.Ordinal),
            shards[^1].Hashes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void OpportunitiesSpreadOverEveryShard()
    {
        var sizes = SiteIndexShards.Split(Index(3200)).Take(SiteIndexShards.OpportunityShards).Select(s => s.Opportunities.Count).ToList();

        // 100 each on average; a hash that clustered the ids would leave some shards big, and their saves slow.
        Assert.All(sizes, size => Assert.InRange(size, 50, 150));
    }

    [Fact]
    public void TheShardOfAnId_IsFnv1aOfItsCharacters_TheSameInEveryProcess()
    {
        // Published FNV-1a values: "" is the offset basis, "a" is 0xE40C292C; 0x2C is 44, and 44 mod 32 is 12.
        Assert.Equal(0x811C9DC5u, StableHash.Of(""));
        Assert.Equal(0xE40C292Cu, StableHash.Of("a"));
        Assert.Equal(12, SiteIndexShards.Of("a"));
        Assert.Equal(SiteIndexShards.Of("o0123456789abcdef01234567"), SiteIndexShards.OfPath(SitePaths.Opportunity("o0123456789abcdef01234567")));
    }

    [Fact]
    public async Task Serialize_RoundTrips()
    {
        var shard = SiteIndexShards.Split(Index(100))[5];

        var read = await SiteIndexShards.DeserializeAsync(new MemoryStream(SiteIndexShards.Serialize(shard)), CancellationToken.None);

        Assert.NotEmpty(shard.Opportunities);
        AssertSame(shard, read);
    }

    [Fact]
    public void Update_RebuildsOnlyTheShardsWhoseEntriesChanged_AndGivesWhatASplitGives()
    {
        var previous = Index(400);
        var previousShards = SiteIndexShards.Split(previous);
        var (edited, removed, added) = (SiteTestData.Summary(10).Id, SiteTestData.Summary(20).Id, SiteTestData.Summary(401));
        var opportunities = new Dictionary<string, OpportunitySummary>(previous.Opportunities, StringComparer.Ordinal) { [edited] = previous.Opportunities[edited] with { Title = "Edited" }, [added.Id] = added };
        opportunities.Remove(removed);
        var hashes = new Dictionary<string, string>(previous.Hashes, StringComparer.Ordinal) { [SitePaths.Page("opportunities")] = "new list hash" };
        var index = previous with { Opportunities = opportunities, Hashes = hashes };

        var updated = SiteIndexShards.Update((previous, previousShards), index);

        var changed = new[] { SiteIndexShards.Of(edited), SiteIndexShards.Of(removed), SiteIndexShards.Of(added.Id), SiteIndexShards.OpportunityShards }.ToHashSet();
        var split = SiteIndexShards.Split(index);
        for (var i = 0; i < SiteIndexShards.Count; i++)
        {
            AssertSame(split[i], updated[i]);
            Assert.Equal(!changed.Contains(i), ReferenceEquals(updated[i], previousShards[i]));
        }
    }

    private static void AssertSame(SiteIndexShard expected, SiteIndexShard actual)
    {
        Assert.Equal(expected.Opportunities.OrderBy(e => e.Key, StringComparer.Ordinal), actual.Opportunities.OrderBy(e => e.Key, StringComparer.Ordinal));
        Assert.Equal(expected.Hashes.OrderBy(e => e.Key, StringComparer.Ordinal), actual.Hashes.OrderBy(e => e.Key, StringComparer.Ordinal));
    }
}
