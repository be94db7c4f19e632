namespace CareersPipeline.Core.Places;

public static class Distance
{
    public const double EarthRadiusMiles = 3958.8;

    /// <summary>Great-circle distance in miles (haversine): accurate to well under 1% at regional scale.</summary>
    public static double Miles(double lat1, double lon1, double lat2, double lon2) =>
        Miles(lat1, lon1, CosineOfLatitude(lat1), lat2, lon2, CosineOfLatitude(lat2));

    /// <summary>
    /// The same distance, with each latitude's cosine from <see cref="CosineOfLatitude"/> worked out beforehand by a
    /// caller that measures from one place many times. The result is identical to the four-argument form.
    /// </summary>
    public static double Miles(double lat1, double lon1, double cosLat1, double lat2, double lon2, double cosLat2)
    {
        var sinLat = Math.Sin(Radians(lat2 - lat1) / 2);
        var sinLon = Math.Sin(Radians(lon2 - lon1) / 2);
        var a = (sinLat * sinLat) + (cosLat1 * cosLat2 * sinLon * sinLon);
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double CosineOfLatitude(double latitude) => Math.Cos(Radians(latitude));

    public static double Radians(double degrees) => degrees * Math.PI / 180;
}
