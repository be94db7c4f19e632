using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Functions.Features.Site;

/// <summary>
/// Local mode only: serves the site from the same $web container Azure's static website serves, as it does: a
/// folder's index.html, the site's 404.html for anything missing, and each blob's own content type, cache header
/// and ETag. Only requests no function or /dev page answered reach it, so /api/... keeps its problem details.
/// </summary>
public static class LocalSiteServing
{
    public static IApplicationBuilder UseLocalSite(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (context.GetEndpoint() is not null
            || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            || request.Path.StartsWithSegments("/" + Runtime.HttpFunction.ApiPrefix)
            || request.Path.StartsWithSegments("/staff")
            || request.Path.StartsWithSegments("/dev"))
        {
            await next(context);
            return;
        }

        var web = context.RequestServices.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.Web);
        await ServeAsync(context, web, BlobNameOf(request.Path.Value ?? "/"));
    });

    /// <summary>"/" is index.html, "/careers/" is careers/index.html, "/sitemap.xml" is itself.</summary>
    public static string BlobNameOf(string path)
    {
        var name = Uri.UnescapeDataString(path).TrimStart('/');
        return name.Length == 0 || name.EndsWith('/') ? name + SitePaths.IndexDocument : name;
    }

    private static async Task ServeAsync(HttpContext context, BlobContainerClient web, string name)
    {
        var cancellationToken = context.RequestAborted;
        var candidates = Path.HasExtension(name) ? [name] : new[] { name, $"{name}/{SitePaths.IndexDocument}" };
        foreach (var candidate in candidates)
        {
            if (await TrySendAsync(context, web.GetBlobClient(candidate), StatusCodes.Status200OK, cancellationToken))
            {
                return;
            }
        }

        if (!await TrySendAsync(context, web.GetBlobClient(SitePaths.NotFound), StatusCodes.Status404NotFound, cancellationToken))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The site has not been built yet. scripts/run builds it; so does POST /api/manage/site/rebuild. Local pages: /dev", cancellationToken);
        }
    }

    private static async Task<bool> TrySendAsync(HttpContext context, BlobClient blob, int status, CancellationToken cancellationToken)
    {
        var ifNoneMatch = status == StatusCodes.Status200OK && context.Request.Headers.IfNoneMatch is { Count: > 0 } tags ? new ETag(tags.ToString()) : (ETag?)null;
        try
        {
            var response = await blob.DownloadStreamingAsync(new BlobDownloadOptions { Conditions = ifNoneMatch is { } tag ? new BlobRequestConditions { IfNoneMatch = tag } : null }, cancellationToken);
            if (response.GetRawResponse().Status == StatusCodes.Status304NotModified)
            {
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                context.Response.Headers.ETag = ifNoneMatch!.Value.ToString("H");
                return true;
            }

            var details = response.Value.Details;
            context.Response.StatusCode = status;
            context.Response.ContentType = details.ContentType;
            context.Response.Headers.CacheControl = status == StatusCodes.Status200OK ? details.CacheControl : "no-store";
            context.Response.Headers.ETag = details.ETag.ToString("H");
            context.Response.ContentLength = details.ContentLength;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await using var content = response.Value.Content;
                await content.CopyToAsync(context.Response.Body, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            // 400: Azurite refuses some names (a path with a trailing dot, say); to a visitor that is a missing page.
            return false;
        }
    }
}
