namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Turns pages into HTML. Implemented by web/CareersPipeline.Web (Razor components), so the generator here knows
/// nothing of ASP.NET: it decides what to render and where it goes, the renderer only how it looks.
/// </summary>
public interface ISiteRenderer
{
    /// <summary>Every language the site is written in; the first is the default.</summary>
    IReadOnlyList<SiteLanguage> Languages { get; }

    /// <summary>The stylesheets and scripts every page links to, under content-hashed names.</summary>
    IReadOnlyList<SiteFile> Assets { get; }

    /// <summary>Changes whenever templates, strings or assets change, so a new version of the app rebuilds every page.</summary>
    string Version { get; }

    /// <summary>The whole HTML document of <paramref name="page"/>.</summary>
    Task<string> RenderAsync(SitePage page, SiteLinks links, CancellationToken cancellationToken);
}

/// <summary>
/// Where links point. Pages in $web link to each other by path (<see cref="SiteBase"/> empty) and post forms to the
/// function app (<see cref="ApiBase"/>); pages the function app renders itself link back to the site's origin.
/// In Azure the two are different origins; locally both are http://localhost:7071.
/// </summary>
public sealed record SiteLinks(string SiteBase, string ApiBase)
{
    public string Site(string path) => SiteBase + path;

    public string Api(string path) => ApiBase + path;
}
