using System.Net;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// The pages behind links in emails (verifying an address, a guardian's consent, privacy, matches): GET shows, POST
/// acts, because mail scanners follow links and must not act on anyone's behalf. Browsers get HTML styled by the site's
/// stylesheet; API clients get JSON or problem details. Tokens are in the URL, so pages send no referrer and are not cached.
/// </summary>
internal static class LinkPages
{
    public static IResult Page(HttpRequest request, int status, string title, string bodyHtml, object? json = null)
    {
        NoStore(request);
        return WantsHtml(request)
            ? Results.Content(Html(request, title, bodyHtml), "text/html; charset=utf-8", statusCode: status)
            : Results.Json(json ?? new { status = title }, statusCode: status);
    }

    /// <summary>Always HTML: pages that only make sense in a browser (the GET side of a form).</summary>
    public static IResult HtmlPage(HttpRequest request, string title, string bodyHtml)
    {
        NoStore(request);
        return Results.Content(Html(request, title, bodyHtml), "text/html; charset=utf-8");
    }

    public static IResult Problem(HttpRequest request, int status, string title, string detail)
    {
        NoStore(request);
        return WantsHtml(request)
            ? Results.Content(Html(request, title, $"<p>{Encode(detail)}</p>"), "text/html; charset=utf-8", statusCode: status)
            : TypedResults.Problem(statusCode: status, title: title, detail: detail);
    }

    public static IResult LinkProblem(HttpRequest request, LinkResult result) => result switch
    {
        LinkResult.Expired => Problem(request, StatusCodes.Status410Gone, "This link has expired", "Links in our emails work for a limited time. Use the link in a more recent email from us."),
        LinkResult.NotFound => Problem(request, StatusCodes.Status404NotFound, "Not found", "We no longer hold any details for this link. If you asked us to delete them, this is done."),
        _ => Problem(request, StatusCodes.Status400BadRequest, "This link is not valid", "Check you copied the whole link from the email."),
    };

    public static string Button(string action, string label, bool secondary = false) =>
        $"<form method=\"post\" action=\"{Encode(action)}\"><button class=\"nhsuk-button{(secondary ? " nhsuk-button--secondary" : string.Empty)}\" type=\"submit\">{Encode(label)}</button></form>";

    public static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    public static string Query(string? token) => "?token=" + Uri.EscapeDataString(token ?? string.Empty);

    public static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public static void NoStore(HttpRequest request)
    {
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        request.HttpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
    }

    // In Azure the site is another origin: its stylesheet is linked by its full address (SITE_ORIGIN).
    private static string Html(HttpRequest request, string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{Encode(title)} - Health and care careers</title>
        <link rel="stylesheet" href="{Encode(Stylesheet(request))}"></head>
        <body><main class="nhsuk-width-container nhsuk-main-wrapper" id="maincontent">
        <h1>{Encode(title)}</h1>{body}</main></body></html>
        """;

    private static string Stylesheet(HttpRequest request) =>
        $"{request.HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.SiteBaseUrl.TrimEnd('/')}/{SiteRendering.StableStylesheet}";
}
