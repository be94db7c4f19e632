using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// How well an application fits a pledge: 25% for each of sector (career family), level, location and route that
/// the pledge either does not restrict or the application meets. A pledge with no criteria matches 100%.
/// </summary>
public static class PledgeMatching
{
    public static MatchResult Match(PledgeCriteria criteria, ApplicationStandard standard, IReadOnlyList<ApplicationLocation> locations)
    {
        var met = new List<MatchCriterion>(4);
        if (criteria.CareerFamilies.Count == 0 || criteria.CareerFamilies.Contains(standard.CareerFamily))
        {
            met.Add(MatchCriterion.Sector);
        }

        if (criteria.Levels.Count == 0 || criteria.Levels.Contains(standard.Level))
        {
            met.Add(MatchCriterion.Level);
        }

        if (criteria.Locations.Count == 0 || locations.Any(l => criteria.Locations.Any(p => IsWithin(p, l))))
        {
            met.Add(MatchCriterion.Location);
        }

        if (criteria.Routes.Count == 0 || criteria.Routes.Contains(standard.Route, StringComparer.OrdinalIgnoreCase))
        {
            met.Add(MatchCriterion.Route);
        }

        return new MatchResult(25 * met.Count, met);
    }

    /// <summary>
    /// Within the radius when both ends have coordinates. When a postcode lookup was unavailable, the same postcode
    /// district (outward code) counts as within: a fallback that can only under-match a wide radius.
    /// </summary>
    public static bool IsWithin(PledgeLocation place, ApplicationLocation location)
    {
        if (place is { Latitude: { } lat, Longitude: { } lon } && location is { Latitude: { } appLat, Longitude: { } appLon })
        {
            return Distance.Miles(lat, lon, appLat, appLon) <= place.RadiusMiles;
        }

        return place.Postcode is { } postcode && string.Equals(OutwardCode(postcode), OutwardCode(location.Postcode), StringComparison.OrdinalIgnoreCase);
    }

    private static string OutwardCode(string postcode) => postcode.Split(' ', 2)[0];
}
