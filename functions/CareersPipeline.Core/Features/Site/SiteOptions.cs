namespace CareersPipeline.Core.Features.Site;

/// <summary>The site generator's settings (docs/configuration.md).</summary>
public sealed class SiteOptions
{
    /// <summary>The function app's public address, which forms on the site post to (PUBLIC_BASE_URL).</summary>
    public string ApiBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The static website's origin (SITE_ORIGIN); locally the function app serves the site itself.</summary>
    public string SiteBaseUrl { get; set; } = "http://localhost:7071";

    /// <summary>The Pagefind binary (PAGEFIND_PATH); empty finds the one shipped beside the app.</summary>
    public string? PagefindPath { get; set; }

    public string IcsName { get; set; } = "Staffordshire and Stoke-on-Trent";

    /// <summary>Static pages link within the site by path, and to the function app by its full address.</summary>
    public SiteLinks StaticLinks => new(string.Empty, ApiBaseUrl.TrimEnd('/'));

    /// <summary>Pages the function app renders (search results, a form with errors) link back to the site's origin.</summary>
    public SiteLinks DynamicLinks => new(SiteBaseUrl.TrimEnd('/'), ApiBaseUrl.TrimEnd('/'));

    /// <summary>The full address of an opportunity's page on the site, for emails and the function app's own pages.</summary>
    public string OpportunityUrl(string id) => DynamicLinks.Site(SitePaths.Url(SitePaths.Opportunity(id)));
}
