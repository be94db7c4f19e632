using CareersPipeline.Core.Features.Figures;

namespace CareersPipeline.Core.Tests.Features.Figures;

public sealed class FunnelTests
{
    /// <summary>The recruitment event: 136 registered, 120 attended, 91 interviewed, 28 offers.</summary>
    private static readonly (string, long)[] RecruitmentEvent = [("Registered", 136), ("Attended", 120), ("Interviewed", 91), ("Offered", 28)];

    [Fact]
    public void Steps_GiveEachStepAsAShareOfTheOneBefore()
    {
        var steps = Funnel.Steps(RecruitmentEvent);

        Assert.Null(steps[0].FromPrevious);
        Assert.Equal(0.882, steps[1].FromPrevious!.Value, 3); // 120 / 136
        Assert.Equal(0.758, steps[2].FromPrevious!.Value, 3); // 91 / 120
        Assert.Equal(0.308, steps[3].FromPrevious!.Value, 3); // 28 / 91
    }

    [Fact]
    public void Published_TheEventFunnelIsRoundedToFives_AndItsRatesComeFromTheRoundedCounts()
    {
        var shown = RecruitmentEvent.Select(s => DisclosureControl.Publish(s.Item2)).ToList();

        Assert.Equal(["135", "120", "90", "30"], shown.Select(s => s.Text));
        Assert.Equal(89, DisclosureControl.Rate(shown[1], shown[0])); // 120 / 135
        Assert.Equal(75, DisclosureControl.Rate(shown[2], shown[1])); // 90 / 120
        Assert.Equal(33, DisclosureControl.Rate(shown[3], shown[2])); // 30 / 90
    }

    [Fact]
    public void Steps_AfterAnEmptyStep_HaveNoRate()
    {
        var steps = Funnel.Steps([("A", 0), ("B", 0)]);

        Assert.Null(steps[1].FromPrevious);
    }

    [Theory]
    [InlineData(new[] { 3, 5, 10 }, new long[] { 1, 1, 1 }, 5.0)]
    [InlineData(new[] { 3, 10 }, new long[] { 2, 2 }, 6.5)]
    [InlineData(new[] { 4, 6 }, new long[] { 6, 5 }, 4.0)]
    public void DaysMedian_IsTheMiddleOfTheCounts(int[] days, long[] counts, double median)
    {
        Assert.Equal(median, DaysMedian.Of(days.Zip(counts).ToDictionary(p => p.First, p => p.Second)));
    }

    [Fact]
    public void DaysMedian_OfNobody_IsNone() => Assert.Null(DaysMedian.Of(new Dictionary<int, long>()));
}
