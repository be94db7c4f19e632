using CareersPipeline.Core.Features.Geocoding;

namespace CareersPipeline.Core.Tests.Features.Geocoding;

public sealed class GeocodeRetryScheduleTests
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    [Fact]
    public void DelayAfter_FirstAttempt_IsFiveMinutes()
    {
        Assert.Equal(First, GeocodeRetrySchedule.DelayAfter(1));
    }

    [Fact]
    public void DelayAfter_EachFurtherAttempt_DoublesUntilTheCap()
    {
        for (var attempts = 2; attempts <= 40; attempts++)
        {
            var previous = GeocodeRetrySchedule.DelayAfter(attempts - 1);
            var expected = previous * 2 < Longest ? previous * 2 : Longest;

            Assert.Equal(expected, GeocodeRetrySchedule.DelayAfter(attempts));
        }
    }

    [Fact]
    public void DelayAfter_Grows_ThenStaysAtSixHours()
    {
        var delays = Enumerable.Range(1, 40).Select(GeocodeRetrySchedule.DelayAfter).ToList();

        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.True(delays[1] > delays[0]);
        Assert.Equal(Longest, delays.Max());
        Assert.Equal(Longest, delays[^1]);
        Assert.Contains(delays, d => d > First && d < Longest);
    }

    [Theory]
    [InlineData(17)]
    [InlineData(100)]
    [InlineData(int.MaxValue)]
    public void DelayAfter_VeryManyAttempts_IsCappedAtSixHours(int attempts)
    {
        Assert.Equal(Longest, GeocodeRetrySchedule.DelayAfter(attempts));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void DelayAfter_NoAttemptsOrNonsense_IsTheFirstDelay(int attempts)
    {
        Assert.Equal(First, GeocodeRetrySchedule.DelayAfter(attempts));
    }
}
