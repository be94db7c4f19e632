namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// What the generator knows about the published site, kept in one private blob so that a change can be published
/// without reading the whole Opportunities table or listing $web: the summary of every public opportunity (for the
/// lists), the content hash of every page and the sitemap (what a change can rewrite; assets and search files change
/// only in full builds, which list $web), and whether Pagefind's index is behind the pages.
/// </summary>
public sealed record SiteIndex(
    string RendererVersion,
    IReadOnlyDictionary<string, OpportunitySummary> Opportunities,
    IReadOnlyDictionary<string, string> Hashes,
    bool SearchStale,
    DateTimeOffset BuiltAt)
{
    /// <summary>Whether the index keeps a blob's hash: pages and the sitemap.</summary>
    public static bool Tracks(string path) => path.EndsWith(".html", StringComparison.Ordinal) || Sitemaps.IsSitemap(path);
}
