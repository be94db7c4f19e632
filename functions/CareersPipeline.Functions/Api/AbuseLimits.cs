using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Api;

/// <summary>
/// Rate limits on the public doors (docs/security.md): every POST that is neither a staff route nor the host's
/// invocation (sign-ups, the site's forms, the actions behind email links) counts against its client, and every
/// sign-up against its email address, so one client cannot flood the tables or one inbox. Over a limit: 429 problem
/// details with Retry-After. Limits are settings so tests and the load harness can set their own.
/// </summary>
public static class AbuseLimits
{
    public const string ClientPermitsSetting = "RATE_LIMIT_CLIENT_PERMITS";
    public const string ClientWindowSetting = "RATE_LIMIT_CLIENT_WINDOW";
    public const string AddressPermitsSetting = "RATE_LIMIT_ADDRESS_PERMITS";
    public const string AddressWindowSetting = "RATE_LIMIT_ADDRESS_WINDOW";

    public static IServiceCollection AddAbuseLimits(this IServiceCollection services, IConfiguration configuration, RuntimeMode mode)
    {
        var clientPermits = Setting(configuration, ClientPermitsSetting, 30);
        var clientWindow = Window(configuration, ClientWindowSetting, TimeSpan.FromMinutes(1));
        services.AddSingleton(new AddressLimiter(Setting(configuration, AddressPermitsSetting, 5), Window(configuration, AddressWindowSetting, TimeSpan.FromHours(1))));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => IsPublicDoor(context)
                ? RateLimitPartition.GetFixedWindowLimiter(ClientOf(context, mode), _ => new FixedWindowRateLimiterOptions { PermitLimit = clientPermits, Window = clientWindow, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : clientWindow;
                return new ValueTask(TooMany(rejected.HttpContext, retryAfter).ExecuteAsync(rejected.HttpContext));
            };
        });
        return services;
    }

    /// <summary>429 problem details, with Retry-After in whole seconds.</summary>
    public static IResult TooMany(HttpContext context, TimeSpan retryAfter)
    {
        context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", detail: "Too many requests from here in a short time. Try again later.");
    }

    /// <summary>Null when the address may have another sign-up now; otherwise the 429 to answer.</summary>
    public static IResult? CheckAddress(HttpContext context, string? email)
    {
        var limiter = context.RequestServices.GetRequiredService<AddressLimiter>();
        return limiter.TryAcquire(email, out var retryAfter) ? null : TooMany(context, retryAfter);
    }

    private static bool IsPublicDoor(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return false;
        }

        var endpoint = context.GetEndpoint();
        return endpoint is not null && endpoint.Metadata.GetMetadata<NotAPublicDoor>() is null;
    }

    /// <summary>
    /// Locally the connection's address. Hosted, the connection is the Functions host on loopback: the client is the
    /// last X-Forwarded-For hop, the one the platform's front end appended (a client can only prepend its own).
    /// </summary>
    public static string ClientOf(HttpContext context, RuntimeMode mode)
    {
        if (mode == RuntimeMode.Hosted && context.Request.Headers["X-Forwarded-For"].ToString() is { Length: > 0 } forwarded)
        {
            var hop = forwarded.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
            return IPEndPoint.TryParse(hop, out var endpoint) ? endpoint.Address.ToString() : hop;
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }

    // Unset means the default; a value that is set but unusable stops the app at start-up with one line saying so,
    // rather than quietly running with a limit nobody chose.
    private static int Setting(IConfiguration configuration, string name, int fallback) => configuration[name] switch
    {
        null or "" => fallback,
        var text when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 => value,
        _ => throw new InvalidOperationException($"{name} must be a whole number greater than 0, such as {fallback}."),
    };

    private static TimeSpan Window(IConfiguration configuration, string name, TimeSpan fallback) => configuration[name] switch
    {
        null or "" => fallback,
        var text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero => value,
        _ => throw new InvalidOperationException($"{name} must be a time span greater than zero written as hh:mm:ss, such as {fallback:c}."),
    };
}

/// <summary>Endpoint metadata: staff routes (signed in) and the host's invocations are not public doors.</summary>
public sealed record NotAPublicDoor;
