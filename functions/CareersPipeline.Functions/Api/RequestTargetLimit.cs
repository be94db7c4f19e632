namespace CareersPipeline.Functions.Api;

/// <summary>
/// Refuses a request target (path and query) longer than <see cref="MaxTargetLength"/> with 414 problem details.
/// Kestrel answers a request line over its own limit with an empty 414 before any middleware runs, and such answers
/// cannot be given a body (aspnet/KestrelHttpServer#2947, "this category of errors is not customisable"), so the
/// server's limit is raised well above ours and the app refuses long targets itself. What Kestrel still refuses on its
/// own, without a body: a request line over <see cref="ServerLineLimit"/>, and a path holding a NUL (%00).
/// </summary>
public static class RequestTargetLimit
{
    /// <summary>Our longest real URL is a link with a token, about 300 characters.</summary>
    public const int MaxTargetLength = 4096;

    public const int ServerLineLimit = 128 * 1024;

    public static WebApplicationBuilder RaiseServerRequestLineLimit(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = ServerLineLimit);
        return builder;
    }

    public static IApplicationBuilder UseRequestTargetLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if ((context.Request.PathBase.Value?.Length ?? 0) + (context.Request.Path.Value?.Length ?? 0) + (context.Request.QueryString.Value?.Length ?? 0) > MaxTargetLength)
        {
            await Problems.Write(context, StatusCodes.Status414UriTooLong, "Address too long", $"The address must be {MaxTargetLength} characters or shorter.");
            return;
        }

        await next(context);
    });
}
