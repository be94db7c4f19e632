using CareersPipeline.Core.Features.Matching;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class MatchInsightsTests
{
    [Theory]
    [InlineData(MatchExclusion.TooYoung, 1, "1 opening is for people older than you are at their start date")]
    [InlineData(MatchExclusion.TooYoung, 3, "3 openings are for people older than you are at their start date")]
    [InlineData(MatchExclusion.NeedsDrivingLicence, 1, "1 opening needs a driving licence")]
    [InlineData(MatchExclusion.NeedsDrivingLicence, 2, "2 openings need a driving licence")]
    [InlineData(MatchExclusion.NoRightToWork, 1, "1 opening needs the right to work in the UK")]
    [InlineData(MatchExclusion.BelowQualificationLevel, 4, "4 openings need a higher qualification than you have told us about")]
    public void Describe_AgreesWithTheCount(MatchExclusion reason, int count, string expected) =>
        Assert.Equal(expected, MatchInsights.Describe(reason, count));
}
