using CareersPipeline.Core.Features.Site;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// A page, rendered when the response is written by the site's renderer (web/CareersPipeline.Web) with the site's
/// layout, its links pointing back to the site's origin. The one way the function app answers with HTML.
/// </summary>
internal sealed class PageResult(SitePage page, int statusCode = StatusCodes.Status200OK) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public const string HtmlContentType = "text/html; charset=utf-8";

    public int? StatusCode => statusCode;

    public string ContentType => HtmlContentType;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var services = httpContext.RequestServices;
        var links = services.GetRequiredService<IOptions<SiteOptions>>().Value.DynamicLinks;
        var html = await services.GetRequiredService<ISiteRenderer>().RenderAsync(page, links, httpContext.RequestAborted);
        await Results.Content(html, HtmlContentType, statusCode: statusCode).ExecuteAsync(httpContext);
    }
}
