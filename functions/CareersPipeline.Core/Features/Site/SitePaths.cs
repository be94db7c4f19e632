using System.Text;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Where each page lives in the $web container. A page is a folder with index.html, so its address ends in "/"
/// (the static website serves index.html for a folder). Blob paths have no leading slash; URLs do.
/// </summary>
public static class SitePaths
{
    public const string IndexDocument = "index.html";
    public const string NotFound = "404.html";
    public const string Sitemap = "sitemap.xml";
    public const string Robots = "robots.txt";

    /// <summary>Content-hashed, immutable files: stylesheets, scripts.</summary>
    public const string AssetsFolder = "assets/";

    /// <summary>Pagefind's index and scripts, replaced as a whole by each full build.</summary>
    public const string SearchFolder = "pagefind/";

    /// <summary>The blob of the page at <paramref name="folder"/> ("" is the home page): "careers/nursing/index.html".</summary>
    public static string Page(string folder) => folder.Length == 0 ? IndexDocument : $"{folder.TrimEnd('/')}/{IndexDocument}";

    /// <summary>The URL of a blob: "careers/index.html" is "/careers/", "sitemap.xml" is "/sitemap.xml".</summary>
    public static string Url(string blobPath) =>
        blobPath == IndexDocument ? "/"
        : blobPath.EndsWith("/" + IndexDocument, StringComparison.Ordinal) ? "/" + blobPath[..^IndexDocument.Length]
        : "/" + blobPath;

    public static string Opportunity(string id) => Page($"opportunities/{id}");

    public static string CareerFamily(CareerFamily family) => Page($"careers/{Slug(family)}");

    public static string Event(string code) => $"events/{code.ToLowerInvariant()}";

    public static string Programme(string code) => $"programmes/{code.ToLowerInvariant()}";

    /// <summary>"AlliedHealthProfessions" becomes "allied-health-professions".</summary>
    public static string Slug<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var slug = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                slug.Append('-');
            }

            slug.Append(char.ToLowerInvariant(name[i]));
        }

        return slug.ToString();
    }

    public static TEnum? FromSlug<TEnum>(string? slug)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => Slug(v!.Value) == slug);
}
