using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Runtime;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Headers on every answer of the function app (docs/security.md). HTML pages get a Content-Security-Policy that allows
/// only the site's own stylesheet, script, images and search index (from this origin or, in Azure, the static site's
/// origin), and no framing. Answers that did not choose their own caching are not stored: staff JSON, link pages and
/// exports carry personal data. HSTS in hosted mode only, where the front end serves HTTPS.
/// </summary>
public static class SecurityHeaders
{
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var mode = app.ApplicationServices.GetRequiredService<RuntimeInfo>().Mode;
        var policy = ContentSecurityPolicy(app.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value.SiteBaseUrl);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                if (string.IsNullOrEmpty(headers.CacheControl))
                {
                    headers.CacheControl = "no-store";
                }

                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = policy;
                    headers.XFrameOptions = "DENY";
                }

                if (mode == RuntimeMode.Hosted)
                {
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }

                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    /// <summary>'wasm-unsafe-eval' and connect-src are for the search page: Pagefind runs WebAssembly and fetches its index.</summary>
    public static string ContentSecurityPolicy(string siteBaseUrl)
    {
        var sources = Uri.TryCreate(siteBaseUrl, UriKind.Absolute, out var site) ? $"'self' {site.GetLeftPart(UriPartial.Authority)}" : "'self'";
        return $"default-src 'none'; script-src {sources} 'wasm-unsafe-eval'; style-src {sources}; img-src {sources} data:; font-src {sources}; " +
            $"connect-src {sources}; manifest-src {sources}; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";
    }
}
