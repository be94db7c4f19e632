using System.Net;
using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CareersPipeline.Core.Features.Geocoding;

/// <summary>
/// Turns a postcode into a place. Never throws for an outage: the caller records <see cref="LookupOutcome.Unavailable"/>
/// and tries again later, so a postcodes.io outage never blocks or loses a sign-up.
/// </summary>
public sealed partial class PostcodeLookup(IPostcodesApi api, ILogger<PostcodeLookup> logger)
{
    public async Task<PostcodeLookupResult> LookupAsync(string postcode, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.LookupAsync(postcode, cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return new(LookupOutcome.NotFound, null);
            }

            if (response is { IsSuccessStatusCode: true, Content.Result: { Latitude: { } lat, Longitude: { } lon } result })
            {
                return new(LookupOutcome.Resolved, new Place(lat, lon, result.AdminDistrict, result.Region, result.Codes?.Icb));
            }

            if (response.IsSuccessStatusCode)
            {
                // postcodes.io knows the postcode but has no coordinates for it (some non-geographic ones).
                return new(LookupOutcome.NotFound, null);
            }

            LogUnavailable(logger, response.StatusCode is { } code ? (int)code : 0);
            return new(LookupOutcome.Unavailable, null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e.GetType().Name);
            return new(LookupOutcome.Unavailable, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postcode lookup unavailable: HTTP {StatusCode}")]
    private static partial void LogUnavailable(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postcode lookup failed: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType);
}

public enum LookupOutcome
{
    Resolved,
    NotFound,
    Unavailable,
}

public sealed record PostcodeLookupResult(LookupOutcome Outcome, Place? Place);

public sealed record Place(double Latitude, double Longitude, string? AdminDistrict, string? Region, string? IcbCode);
