using CareersPipeline.Core.Features.Geocoding;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Geocoding;

public static class GeocodingFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        new TimerFunction("RetryGeocoding", "GEOCODE_RETRY_SCHEDULE", (services, _, ct) => services.GetRequiredService<GeocodeRetryJob>().RunAsync(ct)),
    ];
}
