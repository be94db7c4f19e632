using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>The full build and the incremental publish against a real Azurite: what is uploaded, with which headers, and what is removed.</summary>
[Collection(SiteGroup.Name)]
public sealed class SitePublishTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await SiteKit.StartAsync(storage, consumer: false);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private SiteFullBuild FullBuild => _app.Services.GetRequiredService<SiteFullBuild>();

    private SiteIncrementalPublish Incremental => _app.Services.GetRequiredService<SiteIncrementalPublish>();

    [Fact]
    public async Task FullBuild_PublishesEveryPage_WithItsContentTypeAndCacheHeader()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Apprenticeship());

        await FullBuild.RunAsync(CancellationToken.None);

        var web = storage.Web();
        foreach (var (path, contentType, cache) in new[]
        {
            ("index.html", "text/html; charset=utf-8", SiteFile.ShortLived),
            ($"opportunities/{id}/index.html", "text/html; charset=utf-8", SiteFile.ShortLived),
            ("ar/sign-up/index.html", "text/html; charset=utf-8", SiteFile.ShortLived),
            ("404.html", "text/html; charset=utf-8", SiteFile.ShortLived),
            ("sitemap.xml", "application/xml; charset=utf-8", SiteFile.ShortLived),
            ("robots.txt", "text/plain; charset=utf-8", SiteFile.ShortLived),
            ("css/site.css", "text/css; charset=utf-8", SiteFile.ShortLived),
        })
        {
            var properties = (await web.GetBlobClient(path).GetPropertiesAsync()).Value;
            Assert.Equal(contentType, properties.ContentType);
            Assert.Equal(cache, properties.CacheControl);
            Assert.NotEmpty(properties.ContentHash);
        }

        var assets = new List<string>();
        await foreach (var blob in web.GetBlobsAsync())
        {
            if (!blob.Name.StartsWith("assets/", StringComparison.Ordinal))
            {
                continue;
            }

            assets.Add(blob.Name);
            Assert.Equal(SiteFile.Immutable, blob.Properties.CacheControl);
        }

        Assert.Contains(assets, a => a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains($"/opportunities/{id}/", await storage.ReadAsync(Sitemaps.PartOf(SitePaths.Opportunity(id))), StringComparison.Ordinal);
        Assert.Contains(Sitemaps.PartOf(SitePaths.Opportunity(id)), await storage.ReadAsync(SitePaths.Sitemap), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondFullBuild_WithNothingChanged_UploadsNothing()
    {
        await _app.CreateAsync(OpportunityBodies.Vacancy());
        await FullBuild.RunAsync(CancellationToken.None);
        var before = await storage.EtagsAsync();

        var report = await FullBuild.RunAsync(CancellationToken.None);

        Assert.Empty(report.Uploaded);
        Assert.Equal(before, await storage.EtagsAsync());
    }

    [Fact]
    public async Task EditingALiveOpportunity_UploadsOnlyItsPageAndTheListPagesHoldingIt()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Vacancy());
        await FullBuild.RunAsync(CancellationToken.None);
        var before = await storage.EtagsAsync();

        var edited = OpportunityBodies.Vacancy();
        edited["title"] = "Ward support worker (nights)";
        await _app.EditAsync(id, edited);
        var report = await Incremental.OpportunityChangedAsync(id, CancellationToken.None);

        var after = await storage.EtagsAsync();
        var written = after.Where(b => !before.TryGetValue(b.Key, out var etag) || etag != b.Value).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(report.Uploaded.Order(StringComparer.Ordinal), written);
        Assert.Contains($"opportunities/{id}/index.html", written);
        // The sitemap names the same pages, changed the same day: it stays as it was.
        Assert.DoesNotContain(written, Sitemaps.IsSitemap);
        Assert.Contains(written, p => p.StartsWith("opportunities/kind/entry-level-vacancy/", StringComparison.Ordinal));
        Assert.Contains(written, p => p.StartsWith("opportunities/family/nursing/", StringComparison.Ordinal));
        Assert.DoesNotContain(written, p => p.StartsWith("opportunities/kind/apprenticeship/", StringComparison.Ordinal));
        Assert.DoesNotContain(written, p => p.StartsWith("careers/", StringComparison.Ordinal) || p == "index.html");
        Assert.True(written.Count <= 12, string.Join(", ", written));
        Assert.Contains("Ward support worker (nights)", await storage.ReadAsync($"opportunities/{id}/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingTheSameStateAgain_UploadsNothing()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Vacancy());
        var first = await Incremental.OpportunityChangedAsync(id, CancellationToken.None);
        Assert.Contains(Sitemaps.PartOf(SitePaths.Opportunity(id)), first.Uploaded);

        var again = await Incremental.OpportunityChangedAsync(id, CancellationToken.None);

        Assert.Empty(again.Uploaded);
        Assert.Empty(again.Deleted);
    }

    [Fact]
    public async Task ClosedOpportunity_KeepsAPageSayingSo_WithoutStructuredData_AndLeavesTheLists()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Vacancy());
        await Incremental.OpportunityChangedAsync(id, CancellationToken.None);
        var live = await storage.ReadAsync($"opportunities/{id}/index.html");
        Assert.Contains("application/ld+json", live, StringComparison.Ordinal);
        Assert.Contains($"/api/applications/start/{id}\" role=\"button\"", live, StringComparison.Ordinal);

        await _app.ActAsync("close", id, new { reason = "Filled" });
        await Incremental.OpportunityChangedAsync(id, CancellationToken.None);

        var page = await storage.ReadAsync($"opportunities/{id}/index.html");
        Assert.Contains("This opportunity has closed", page, StringComparison.Ordinal);
        Assert.Contains("All its positions have been filled", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/applications/start/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("application/ld+json", page, StringComparison.Ordinal);
        Assert.DoesNotContain(id, await AllListPagesAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullBuild_RemovesThePagesOfArchivedOpportunities()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Vacancy());
        await FullBuild.RunAsync(CancellationToken.None);
        Assert.NotNull(await storage.ReadAsync($"opportunities/{id}/index.html"));

        // The site-changes consumer is off here: only the nightly build can notice.
        await _app.ActAsync("close", id, new { reason = "Manual" });
        await _app.ActAsync("archive", id);
        var report = await FullBuild.RunAsync(CancellationToken.None);

        Assert.Contains($"opportunities/{id}/index.html", report.Deleted);
        Assert.Null(await storage.ReadAsync($"opportunities/{id}/index.html"));
        Assert.DoesNotContain(id, await storage.ReadAsync(Sitemaps.PartOf(SitePaths.Opportunity(id))) ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivingPublishedIncrementally_RemovesThePageAtOnce()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Vacancy());
        await Incremental.OpportunityChangedAsync(id, CancellationToken.None);

        await _app.ActAsync("close", id, new { reason = "Manual" });
        await _app.ActAsync("archive", id);
        var report = await Incremental.OpportunityChangedAsync(id, CancellationToken.None);

        Assert.Contains($"opportunities/{id}/index.html", report.Deleted);
        Assert.DoesNotContain(report.Deleted, p => p.EndsWith(".html", StringComparison.Ordinal) && p != $"opportunities/{id}/index.html");
        Assert.Null(await storage.ReadAsync($"opportunities/{id}/index.html"));
    }

    [Fact]
    public async Task FullBuild_BuildsTheSearchIndex()
    {
        await FullBuild.RunAsync(CancellationToken.None);

        Assert.NotNull(await storage.ReadAsync("pagefind/pagefind-entry.json"));
        Assert.NotNull(await storage.ReadAsync("pagefind/pagefind-ui.js"));
        var languages = System.Text.Json.JsonDocument.Parse((await storage.ReadAsync("pagefind/pagefind-entry.json"))!).RootElement.GetProperty("languages");
        Assert.True(languages.TryGetProperty("ar", out _), languages.ToString());
        Assert.True(languages.TryGetProperty("uk", out _), languages.ToString());
    }

    private async Task<string> AllListPagesAsync()
    {
        var text = new System.Text.StringBuilder();
        await foreach (var blob in storage.Web().GetBlobsAsync())
        {
            if (blob.Name.StartsWith("opportunities/", StringComparison.Ordinal) && SitePlan.OpportunityId(blob.Name) is null)
            {
                text.Append(await storage.ReadAsync(blob.Name));
            }
        }

        return text.ToString();
    }
}
