using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class DistanceBoundsTests
{
    [Fact]
    public void Bounds_AreNeverAboveTheDistanceTheRulesMeasure()
    {
        var random = new Random(11);
        for (var i = 0; i < 100_000; i++)
        {
            double lat1 = 49 + (random.NextDouble() * 10), lon1 = -8 + (random.NextDouble() * 10);
            double lat2 = lat1 + ((random.NextDouble() - 0.5) * 3), lon2 = lon1 + ((random.NextDouble() - 0.5) * 5);
            var miles = Distance.Miles(lat1, lon1, lat2, lon2);
            var rootCosines = Math.Sqrt(Math.Cos(Distance.Radians(lat1))) * Math.Sqrt(Math.Cos(Distance.Radians(lat2)));

            Assert.True(DistanceBounds.GapMilesSquared(Math.Abs(lat2 - lat1), Math.Abs(lon2 - lon1), rootCosines) <= miles * miles, $"pair {i}");
            Assert.True(DistanceBounds.LatitudeGapMiles(Math.Abs(lat2 - lat1)) <= miles, $"pair {i}");
            Assert.True(DistanceBounds.LongitudeGapMiles(Math.Abs(lon2 - lon1), rootCosines) <= miles, $"pair {i}");
        }
    }

    [Fact]
    public void GapMilesSquared_IsCloseToTheDistance_SoItPrunes()
    {
        var miles = Distance.Miles(53.0, -2.2, 53.1, -2.0);
        var rootCosines = Math.Sqrt(Math.Cos(Distance.Radians(53.0))) * Math.Sqrt(Math.Cos(Distance.Radians(53.1)));

        Assert.InRange(Math.Sqrt(DistanceBounds.GapMilesSquared(0.1, 0.2, rootCosines)), miles * 0.999, miles);
    }

    [Fact]
    public void FarthestFor_KeepsEveryDistanceThatAddsTheNeededPoints()
    {
        var random = new Random(12);
        for (var i = 0; i < 100_000; i++)
        {
            var travel = random.Next(TravelDistances.MinimumMiles, TravelDistances.MaximumMiles + 1);
            var miles = random.NextDouble() * travel;
            var needed = random.Next(-30, 30);

            if (MatchRules.DistancePoints(miles, travel) >= needed)
            {
                Assert.True(miles <= DistanceBounds.FarthestFor(needed, travel), $"{miles} miles of {travel} gives {MatchRules.DistancePoints(miles, travel)} >= {needed}");
            }
        }
    }
}
