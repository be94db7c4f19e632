using System.Security;
using System.Text;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// The sitemap, as a sitemap index (sitemap.xml) of parts: one for the pages that are not opportunities, and sixteen
/// for the opportunities, by the <see cref="StableHash"/> of their id (local and national ids alike, whatever their
/// shape). An edit changes one part of a few hundred entries, not a file of every page; opportunity pages carry the
/// day they last changed.
/// </summary>
public static class Sitemaps
{
    public const string Folder = "sitemaps/";
    public const string Pages = Folder + "pages.xml";

    private static readonly string[] OpportunityParts = [.. Enumerable.Range(0, 16).Select(n => $"{Folder}opportunities-{n:x}.xml")];
    private static readonly string SearchPage = SitePaths.Page("search");

    /// <summary>The part of the sitemap that lists the page at <paramref name="path"/>.</summary>
    public static string PartOf(string path) =>
        SitePlan.OpportunityId(path) is { } id ? OpportunityParts[StableHash.Of(id) % OpportunityParts.Length] : Pages;

    /// <summary>
    /// The sitemap index and the parts named in <paramref name="parts"/> (every part when null), from every published
    /// path. A part left with no pages is not returned: its caller deletes it.
    /// </summary>
    public static IReadOnlyList<(string Path, string Xml)> Render(string siteBase, IEnumerable<string> paths, IReadOnlyDictionary<string, OpportunitySummary> opportunities, IReadOnlySet<string>? parts = null)
    {
        // One pass over every published path (11,000 at 10,000 opportunities, on every edit): the name of each part for
        // the index, and the paths only of the parts to render.
        var present = new HashSet<string>(StringComparer.Ordinal);
        var rendered = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (!IsListed(path))
            {
                continue;
            }

            var part = PartOf(path);
            present.Add(part);
            if (parts is null || parts.Contains(part))
            {
                if (!rendered.TryGetValue(part, out var inPart))
                {
                    rendered[part] = inPart = [];
                }

                inPart.Add(path);
            }
        }

        var index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        var files = new List<(string, string)>();
        foreach (var part in present.Order(StringComparer.Ordinal))
        {
            index.Append("<sitemap><loc>").Append(SecurityElement.Escape($"{siteBase}/{part}")).Append("</loc></sitemap>\n");
            if (rendered.TryGetValue(part, out var inPart))
            {
                files.Add((part, UrlSet(siteBase, inPart, opportunities)));
            }
        }

        files.Add((SitePaths.Sitemap, index.Append("</sitemapindex>\n").ToString()));
        return files;
    }

    public static bool IsSitemap(string path) => path == SitePaths.Sitemap || path.StartsWith(Folder, StringComparison.Ordinal);

    private static string UrlSet(string siteBase, IEnumerable<string> paths, IReadOnlyDictionary<string, OpportunitySummary> opportunities)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            xml.Append("<url><loc>").Append(SecurityElement.Escape(siteBase + SitePaths.Url(path))).Append("</loc>");
            if (SitePlan.OpportunityId(path) is { } id && opportunities.TryGetValue(id, out var summary) && summary.UpdatedAt != default)
            {
                xml.Append("<lastmod>").Append(summary.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd")).Append("</lastmod>");
            }

            xml.Append("</url>\n");
        }

        return xml.Append("</urlset>\n").ToString();
    }

    /// <summary>Pages people should find: not list pages after the first, the thank-you pages or the search page.</summary>
    private static bool IsListed(string path) =>
        path.EndsWith(SitePaths.IndexDocument, StringComparison.Ordinal)
        && !path.Contains("/page/", StringComparison.Ordinal)
        && !path.EndsWith("sign-up/done/" + SitePaths.IndexDocument, StringComparison.Ordinal)
        && path != SearchPage;
}
