using CareersPipeline.Functions.Api;

namespace CareersPipeline.Functions.Runtime.Hosted;

/// <summary>
/// The invocation routes (POST /{FunctionName}) answer only the Functions host. The host builds a queue or timer
/// invocation as a new request carrying only its own headers (X-Azure-Functions-InvocationId, X-Azure-Functions-HostVersion,
/// its User-Agent), while an HTTP request it passes through keeps the client's request and its headers, including those
/// the platform's front end adds (X-Forwarded-For, X-ARR-*, X-Original-URL, DISGUISED-HOST). A request to an invocation
/// route that carries any of them came from the internet, not from the host: 403. See docs/security.md for the evidence.
/// </summary>
public static class HostOnlyInvocations
{
    private static readonly string[] ProxyHeaders =
    [
        "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Forwarded", "X-Original-URL", "X-WAWS-Unencoded-URL",
        "X-ARR-LOG-ID", "X-ARR-SSL", "X-Client-IP", "X-Client-Port", "DISGUISED-HOST", "X-SITE-DEPLOYMENT-ID", "X-MS-CLIENT-PRINCIPAL",
    ];

    public static RouteHandlerBuilder HostOnly(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new NotAPublicDoor()).AddEndpointFilter((context, next) =>
            CameThroughTheProxy(context.HttpContext.Request)
                ? ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed", detail: "Only the Functions host invokes this."))
                : next(context));

    public static bool CameThroughTheProxy(HttpRequest request) =>
        ProxyHeaders.Any(request.Headers.ContainsKey);
}
