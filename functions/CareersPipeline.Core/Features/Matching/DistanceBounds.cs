using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Lower bounds of the great-circle distance (the haversine of <see cref="Places.Distance"/>) that are cheap
/// enough to test for every cell and workplace, and never above the true distance, so an index may skip what they rule out.
/// </summary>
internal static class DistanceBounds
{
    // Shaves every bound a hair, so rounding can only make it lower.
    private const double BoundShave = 0.999999;

    // Lower bounds of the great-circle distance for a gap in latitude alone, or in longitude alone between latitudes
    // whose cosines' square roots multiply to "rootCosines". From the haversine, a >= sin²(dLat/2) gives R·dLat, and
    // a >= cos·cos·sin²(dLon/2) with asin(x) >= x and sin(y) >= y - y³/6 gives R·rootCosines·dLon·(1 - dLon²/24).
    public static double LatitudeGapMiles(double degrees) => Distance.EarthRadiusMiles * Distance.Radians(degrees) * BoundShave;

    public static double LongitudeGapMiles(double degrees, double rootCosines)
    {
        var radians = Distance.Radians(Math.Min(degrees, 180));
        return Distance.EarthRadiusMiles * rootCosines * radians * Math.Max(0, 1 - (radians * radians / 24)) * BoundShave;
    }

    // Both gaps at once, nearly the distance itself, squared: a = sin²(dLat/2) + cos·cos·sin²(dLon/2) exactly, with the
    // same two inequalities, gives R²·(dLat²·(1 - dLat²/24)² + rootCosines²·dLon²·(1 - dLon²/24)²).
    public static double GapMilesSquared(double latitudeDegrees, double longitudeDegrees, double rootCosines)
    {
        var lat = Distance.Radians(latitudeDegrees);
        var lon = Distance.Radians(Math.Min(longitudeDegrees, 180));
        var latPart = lat * Math.Max(0, 1 - (lat * lat / 24));
        var lonPart = rootCosines * lon * Math.Max(0, 1 - (lon * lon / 24));
        return ((latPart * latPart) + (lonPart * lonPart)) * (Distance.EarthRadiusMiles * Distance.EarthRadiusMiles * BoundShave * BoundShave);
    }

    // The farthest a workplace can be and still add at least "needed" points for distance, and be in reach:
    // DistancePoints(x, t) = floor(25 (t - x) / t) >= needed exactly when x <= t (1 - needed / 25). Widened a hair, so
    // rounding can only keep a workplace the rules then judge.
    public static double FarthestFor(int needed, int travelMiles) =>
        (needed <= 0 ? travelMiles : travelMiles * (1 - (needed / (double)MatchScore.MaxDistance))) * (1 + 1e-9);
}
