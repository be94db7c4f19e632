using CareersPipeline.Core.Features.Site;
using CareersPipeline.Web.Content;
using CareersPipeline.Web.Strings;

namespace CareersPipeline.Web.Rendering;

/// <summary>What every component of a page can see: the page, where links go, its language's strings and the shared content.</summary>
public sealed record SiteView(
    SitePage Page,
    SiteLinks Links,
    SiteStrings Text,
    IReadOnlyList<SiteStrings> Languages,
    SiteAssetUrls Assets,
    CareerContent Careers,
    string IcsName)
{
    public SiteLanguage Language => Text.Language;

    /// <summary>A page of the site by its blob path ("careers/index.html"), as a link from this page.</summary>
    public string Href(string blobPath) => Links.Site(SitePaths.Url(blobPath));

    /// <summary>A page in this page's language: "sign-up" is /sign-up/ in English and /uk/sign-up/ in Ukrainian.</summary>
    public string HrefInLanguage(string folder) => Href(SitePaths.Page(Language.Folder + folder));

    public string Api(string path) => Links.Api(path);
}

/// <summary>The stylesheet and script every page links to, by their content-hashed names.</summary>
public sealed record SiteAssetUrls(string Stylesheet, string Script);
