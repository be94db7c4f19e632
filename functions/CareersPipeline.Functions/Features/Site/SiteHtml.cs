using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Api;

namespace CareersPipeline.Functions.Features.Site;

/// <summary>Pages the function app renders with the site's own templates, linking back to the site's origin.</summary>
internal static class SiteHtml
{
    public static IResult Page(HttpContext context, SitePage page, int status)
    {
        // Forms echo what the person typed, and searches carry a postcode: neither belongs in a shared cache.
        context.Response.Headers.CacheControl = "no-store";
        return new PageResult(page, status);
    }

    public static IResult SeeOther(HttpContext context, string url)
    {
        context.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>A page of the site by its blob path, on the site's origin.</summary>
    public static string SiteUrl(SiteRendering rendering, string blobPath) => rendering.Options.DynamicLinks.Site(SitePaths.Url(blobPath));
}
