using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.ReferenceData;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Site;

/// <summary>Renders pages to files for $web and reads the data they are made from; shared by the full build and the incremental publish.</summary>
public sealed class SiteRendering(ISiteRenderer renderer, ReferenceDataStore referenceData, IOptions<SiteOptions> options, TimeProvider time)
{
    public ISiteRenderer Renderer => renderer;

    public SiteOptions Options => options.Value;

    public async Task<SiteFile> RenderAsync(SitePage page, CancellationToken cancellationToken) =>
        SiteFile.Text(page.Path, await renderer.RenderAsync(page, Options.StaticLinks, cancellationToken));

    public static OpportunityDetailPage PageOf(Opportunity opportunity) => new(opportunity);

    /// <summary>The fixed files: assets, robots.txt, and the stylesheet under the fixed name pages served by the API link to.</summary>
    public IEnumerable<SiteFile> FixedFiles()
    {
        foreach (var asset in renderer.Assets)
        {
            yield return asset;
        }

        if (renderer.Assets.FirstOrDefault(a => a.Path.EndsWith(".css", StringComparison.Ordinal)) is { } css)
        {
            yield return SiteFile.Create(StableStylesheet, css.Content);
        }

        yield return SiteFile.Text(SitePaths.Robots, SitePlan.Robots(Options.SiteBaseUrl.TrimEnd('/')));
    }

    /// <summary>The function app's own pages (privacy links, email links) link here, a name that never changes.</summary>
    public const string StableStylesheet = "css/site.css";

    /// <summary>The sitemap index and the given parts of it (all when null); see <see cref="Sitemaps"/>.</summary>
    public IReadOnlyList<SiteFile> Sitemap(IEnumerable<string> paths, IReadOnlyDictionary<string, OpportunitySummary> opportunities, IReadOnlySet<string>? parts = null) =>
        [.. Sitemaps.Render(Options.SiteBaseUrl.TrimEnd('/'), paths, opportunities, parts).Select(f => SiteFile.Text(f.Path, f.Xml))];

    public async Task<SiteData> ReadDataAsync(IReadOnlyDictionary<string, OpportunitySummary> opportunities, CancellationToken cancellationToken)
    {
        var events = referenceData.ListOpenAsync(ReferenceKind.Event, cancellationToken);
        var programmes = referenceData.ListOpenAsync(ReferenceKind.Programme, cancellationToken);
        var schools = referenceData.ListOpenAsync(ReferenceKind.School, cancellationToken);
        return new SiteData(opportunities, await events, await programmes, await schools, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
    }

    public IEnumerable<SitePage> ContentPages(SiteData data) => SitePlan.ContentPages(data, renderer.Languages);

    /// <summary>Whether a path belongs to the content pages (not an opportunity, a list, an asset, the search index or a fixed file).</summary>
    public static bool IsContentPage(string path) =>
        path.EndsWith(".html", StringComparison.Ordinal) && !path.StartsWith("opportunities/", StringComparison.Ordinal) && !path.StartsWith(SitePaths.SearchFolder, StringComparison.Ordinal);
}

/// <summary>What a build or a publish did.</summary>
public sealed record SitePublishReport(int Rendered, IReadOnlyList<string> Uploaded, IReadOnlyList<string> Deleted, bool SearchIndexed, TimeSpan Elapsed);
