using Microsoft.AspNetCore.Http.Features;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Refuses API and page bodies over 64 KB with 413 before reading them (a sign-up is under 4 KB). Chunked bodies
/// without a length are cut off at the same limit by the server, which the exception handler turns into 413.
/// </summary>
public static class RequestBodyLimit
{
    public const long MaxBytes = 64 * 1024;

    public static IApplicationBuilder UseApiBodyLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // The API, staff pages' forms and the local developer pages; not the host's own invocations (a queue message can be 64 KB before the host wraps it).
        if (context.Request.Path.StartsWithSegments("/" + Runtime.HttpFunction.ApiPrefix) || context.Request.Path.StartsWithSegments("/staff") || context.Request.Path.StartsWithSegments("/dev"))
        {
            var max = context.GetEndpoint()?.Metadata.GetMetadata<LargerBodyLimit>()?.MaxBytes ?? MaxBytes;
            if (context.Request.ContentLength > max)
            {
                await Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request body too large", $"The request body must be {max / 1024} KB or smaller.");
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = max;
            }
        }

        await next(context);
    });
}

/// <summary>Endpoint metadata for the few endpoints that take files (CSV uploads).</summary>
public sealed record LargerBodyLimit(long MaxBytes);
