using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CareersPipeline.Core.Places;

/// <summary>
/// Turns a postcode into a place. Never throws for an outage: the caller records <see cref="LookupOutcome.Unavailable"/>
/// and tries again later, so a postcodes.io outage never blocks or loses a sign-up.
/// </summary>
public sealed partial class PostcodeLookup(IPostcodesApi api, IOptions<GeocodingOptions> options, ILogger<PostcodeLookup> logger)
{
    public const string NotAPostcode = "Enter a real UK postcode, like ST4 6QG.";

    /// <summary>
    /// A postcode someone typed to search by distance (the public API and the site's search): normalised, then looked
    /// up. Null, without asking anyone, when the text is not a UK postcode at all (say <see cref="NotAPostcode"/>).
    /// </summary>
    public async Task<PostcodeLookupResult?> LookupTypedAsync(string typed, CancellationToken cancellationToken) =>
        UkFormats.NormalisePostcode(typed) is { } postcode ? await LookupAsync(postcode, cancellationToken) : null;

    public async Task<PostcodeLookupResult> LookupAsync(string postcode, CancellationToken cancellationToken)
    {
        var result = await AskPostcodesIoAsync(postcode, cancellationToken);
        if (result.Outcome == LookupOutcome.Unavailable && options.Value.OfflineFallback && DemoAreaPostcodes.Find(postcode) is { } place)
        {
            LogOfflineFallback(logger);
            return new(LookupOutcome.Resolved, place);
        }

        return result;
    }

    private async Task<PostcodeLookupResult> AskPostcodesIoAsync(string postcode, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.LookupAsync(new BulkPostcodeRequest([postcode]), cancellationToken);
            if (!response.IsSuccessStatusCode || response.Content?.Result is not { } items)
            {
                // Refit reports transport failures on the response rather than throwing them.
                LogUnavailable(logger, response.Error?.InnerException?.GetType().Name ?? $"HTTP {(int?)response.StatusCode}");
                return new(LookupOutcome.Unavailable, null);
            }

            // A null result is postcodes.io's "not found"; a result without coordinates is a non-geographic postcode.
            return items is [{ Result: { Latitude: { } lat, Longitude: { } lon } result }, ..]
                ? new(LookupOutcome.Resolved, new Place(lat, lon, result.AdminDistrict, result.Region, result.Codes?.Icb))
                : new(LookupOutcome.NotFound, null);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, e.GetType().Name);
            return new(LookupOutcome.Unavailable, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postcode lookup unavailable: {Reason}")]
    private static partial void LogUnavailable(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Postcode placed from the built-in demo postcodes (postcodes.io unavailable, offline fallback on)")]
    private static partial void LogOfflineFallback(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Postcode lookup failed: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
