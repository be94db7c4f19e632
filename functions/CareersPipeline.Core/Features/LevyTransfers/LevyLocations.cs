using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.LevyTransfers;

internal static class LevyLocations
{
    /// <summary>Geocodes each postcode; a failed lookup leaves it without coordinates (matching then falls back to the postcode district).</summary>
    public static async Task<IReadOnlyList<ApplicationLocation>> LocateAsync(PostcodeLookup postcodes, IEnumerable<string> list, CancellationToken cancellationToken)
    {
        var located = new List<ApplicationLocation>();
        foreach (var postcode in list)
        {
            var result = await postcodes.LookupAsync(postcode, cancellationToken);
            located.Add(new ApplicationLocation(postcode, result.Place?.Latitude, result.Place?.Longitude));
        }

        return located;
    }

    public static async Task<IReadOnlyList<PledgeLocation>> LocateAsync(PostcodeLookup postcodes, IReadOnlyList<PledgeLocation> list, CancellationToken cancellationToken)
    {
        var located = new List<PledgeLocation>();
        foreach (var location in list)
        {
            if (location is { Postcode: { } postcode, Latitude: null } && (await postcodes.LookupAsync(postcode, cancellationToken)).Place is { } place)
            {
                located.Add(location with { Latitude = place.Latitude, Longitude = place.Longitude });
            }
            else
            {
                located.Add(location);
            }
        }

        return located;
    }
}
