using System.Globalization;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The areas people's profiles are filed under: cells of half a degree of latitude by four fifths of longitude
/// (about 35 by 33 miles in England), large enough that one opportunity's reach is a handful of partitions.
/// </summary>
public static class MatchAreas
{
    private const double LatitudeDegrees = 0.5;
    private const double LongitudeDegrees = 0.8;

    public static string KeyOf(GeoPoint point) => Key(Row(point.Latitude), Column(point.Longitude));

    /// <summary>Every area with any point within <paramref name="miles"/> of one of <paramref name="points"/>.</summary>
    public static IReadOnlySet<string> Around(IEnumerable<GeoPoint> points, int miles)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var point in points)
        {
            // Generous on purpose: a degree of latitude is over 68 miles anywhere, and longitude is widened by the
            // cosine of the latitude furthest from the equator in reach.
            var dLat = miles / 68.0;
            var far = Math.Min(89, Math.Abs(point.Latitude) + dLat);
            var dLon = Math.Min(180, miles / (68.0 * Math.Cos(far * Math.PI / 180)));
            for (var row = Row(point.Latitude - dLat); row <= Row(point.Latitude + dLat); row++)
            {
                for (var column = Column(point.Longitude - dLon); column <= Column(point.Longitude + dLon); column++)
                {
                    keys.Add(Key(row, column));
                }
            }
        }

        return keys;
    }

    private static int Row(double latitude) => (int)Math.Floor(latitude / LatitudeDegrees);

    private static int Column(double longitude) => (int)Math.Floor(longitude / LongitudeDegrees);

    private static string Key(int row, int column) => string.Create(CultureInfo.InvariantCulture, $"a{row}_{column}");
}
