using CareersPipeline.Core.People;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// The pages behind links in emails (verifying an address, a guardian's consent, privacy, matches): GET shows, POST
/// acts, because mail scanners follow links and must not act on anyone's behalf. Browsers get the page, rendered with
/// the site's templates and stylesheet; API clients get JSON or problem details. Tokens are in the URL, so pages send
/// no referrer and are not cached.
/// </summary>
internal static class LinkPages
{
    public static IResult Page(HttpRequest request, int status, AppPage page, object? json = null)
    {
        NoStore(request);
        return WantsHtml(request)
            ? new PageResult(page, status)
            : Results.Json(json ?? new { status = page.Title }, statusCode: status);
    }

    /// <summary>A heading and one paragraph.</summary>
    public static IResult Page(HttpRequest request, int status, string title, string text, object? json = null) =>
        Page(request, status, new MessagePage(title, [text]), json);

    /// <summary>Always HTML: pages that only make sense in a browser (the GET side of a form).</summary>
    public static IResult HtmlPage(HttpRequest request, AppPage page, int status = StatusCodes.Status200OK)
    {
        NoStore(request);
        return new PageResult(page, status);
    }

    public static IResult Problem(HttpRequest request, int status, string title, string detail)
    {
        NoStore(request);
        return WantsHtml(request)
            ? new PageResult(new MessagePage(title, [detail]), status)
            : TypedResults.Problem(statusCode: status, title: title, detail: detail);
    }

    public static IResult LinkProblem(HttpRequest request, LinkResult result) => result switch
    {
        LinkResult.Expired => Problem(request, StatusCodes.Status410Gone, "This link has expired", "Links in our emails work for a limited time. Use the link in a more recent email from us."),
        LinkResult.Revoked => Problem(request, StatusCodes.Status410Gone, "This link no longer works", "Links sent before you signed out everywhere no longer work. Ask for new links on our website, or use the link in a more recent email from us."),
        LinkResult.NotFound => Problem(request, StatusCodes.Status404NotFound, "Not found", "We no longer hold any details for this link. If you asked us to delete them, this is done."),
        _ => Problem(request, StatusCodes.Status400BadRequest, "This link is not valid", "Check you copied the whole link from the email."),
    };

    /// <summary>A button that posts back to the page's own link.</summary>
    public static LinkAction Button(string? token, string label) => new(Query(token), label);

    public static string Query(string? token) => "?token=" + Uri.EscapeDataString(token ?? string.Empty);

    public static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static void NoStore(HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
