using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class MatchAreasTests
{
    [Fact]
    public void Around_CoversTheAreaOfEveryPlaceWithinTheDistance()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var centre = new GeoPoint(50 + (random.NextDouble() * 5), -5 + (random.NextDouble() * 6));
            var miles = random.Next(1, TravelDistances.MaximumMiles + 1);
            var areas = MatchAreas.Around([centre], miles);

            // A point at a random bearing, just within the distance (1 mile = 1/69.09 degree of latitude along a meridian).
            var bearing = random.NextDouble() * 2 * Math.PI;
            var reach = miles * random.NextDouble();
            var other = new GeoPoint(
                centre.Latitude + (reach * Math.Cos(bearing) / 69.09),
                centre.Longitude + (reach * Math.Sin(bearing) / (69.09 * Math.Cos(centre.Latitude * Math.PI / 180))));
            if (Distance.Miles(centre.Latitude, centre.Longitude, other.Latitude, other.Longitude) <= miles)
            {
                Assert.Contains(MatchAreas.KeyOf(other), areas);
            }
        }
    }

    [Fact]
    public void Around_AShortDistance_IsOnlyAFewAreas()
    {
        Assert.InRange(MatchAreas.Around([new GeoPoint(53.0, -2.18)], 10).Count, 1, 4);
        Assert.InRange(MatchAreas.Around([new GeoPoint(53.0, -2.18)], TravelDistances.MaximumMiles).Count, 4, 16);
    }
}
