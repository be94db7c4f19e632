using System.Security;
using System.Text;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// The sitemap, as a sitemap index (sitemap.xml) of parts: one for the pages that are not opportunities, and one for
/// the opportunities whose id starts with each hex digit (national vacancies in one of their own). An edit changes one
/// part of a few hundred entries, not a file of every page; opportunity pages carry the day they last changed.
/// </summary>
public static class Sitemaps
{
    public const string Folder = "sitemaps/";
    public const string Pages = Folder + "pages.xml";

    /// <summary>The part of the sitemap that lists the page at <paramref name="path"/>.</summary>
    public static string PartOf(string path) =>
        SitePlan.OpportunityId(path) is { } id ? $"{Folder}opportunities-{(id[0] == 'o' ? id[1] : 'n')}.xml" : Pages;

    /// <summary>
    /// The sitemap index and the parts named in <paramref name="parts"/> (every part when null), from every published
    /// path. A part left with no pages is not returned: its caller deletes it.
    /// </summary>
    public static IReadOnlyList<(string Path, string Xml)> Render(string siteBase, IEnumerable<string> paths, IReadOnlyDictionary<string, OpportunitySummary> opportunities, IReadOnlySet<string>? parts = null)
    {
        var byPart = paths.Where(IsListed).GroupBy(PartOf).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var index = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        var files = new List<(string, string)>();
        foreach (var part in byPart)
        {
            index.Append("<sitemap><loc>").Append(SecurityElement.Escape($"{siteBase}/{part.Key}")).Append("</loc></sitemap>\n");
            if (parts is null || parts.Contains(part.Key))
            {
                files.Add((part.Key, UrlSet(siteBase, part, opportunities)));
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
        && path != SitePaths.Page("search");
}
