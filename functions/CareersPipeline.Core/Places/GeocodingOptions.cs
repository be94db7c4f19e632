namespace CareersPipeline.Core.Places;

public sealed class GeocodingOptions
{
    /// <summary>
    /// POSTCODES_OFFLINE_FALLBACK: when postcodes.io cannot be reached, place the demo postcodes from
    /// <see cref="DemoAreaPostcodes"/>. On by default in local mode only; never meant for production, where an outage
    /// must leave a lookup pending and retried rather than answered from a stale table.
    /// </summary>
    public bool OfflineFallback { get; set; }
}
