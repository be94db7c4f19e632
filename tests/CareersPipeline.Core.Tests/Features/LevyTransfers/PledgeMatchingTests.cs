using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class PledgeMatchingTests
{
    // Royal Stoke University Hospital (ST4 6QG) and Meadow View, Newcastle-under-Lyme (ST5 2LY): under 2 miles apart.
    private static readonly PledgeLocation Stoke = new("Stoke-on-Trent", "ST4 6QG", 52.9945, -2.2144, 5);
    private static readonly ApplicationLocation Newcastle = new("ST5 2LY", 53.0112, -2.2466);
    private static readonly ApplicationLocation Burton = new("DE14 1AA", 52.8019, -1.6370);

    [Fact]
    public void Match_NoCriteria_Is100()
    {
        var result = PledgeMatching.Match(PledgeCriteria.None, LevyTestData.Standard(), [Burton]);

        Assert.Equal(100, result.Percentage);
        Assert.Equal(Enum.GetValues<MatchCriterion>(), result.Met);
    }

    [Fact]
    public void Match_EveryCriterionMet_Is100()
    {
        var criteria = new PledgeCriteria([2, 3], [CareerFamily.SocialCare], ["Care services"], [Stoke]);

        Assert.Equal(100, PledgeMatching.Match(criteria, LevyTestData.Standard(level: 2), [Newcastle]).Percentage);
    }

    [Theory]
    [InlineData(MatchCriterion.Sector)]
    [InlineData(MatchCriterion.Level)]
    [InlineData(MatchCriterion.Location)]
    [InlineData(MatchCriterion.Route)]
    public void Match_OneCriterionMissed_Is75AndNamesTheOthers(MatchCriterion missed)
    {
        var criteria = new PledgeCriteria([2], [CareerFamily.SocialCare], ["Care services"], [Stoke]);
        var standard = LevyTestData.Standard(
            level: missed == MatchCriterion.Level ? 5 : 2,
            family: missed == MatchCriterion.Sector ? CareerFamily.Nursing : CareerFamily.SocialCare,
            route: missed == MatchCriterion.Route ? "Health and science" : "Care services");
        var location = missed == MatchCriterion.Location ? Burton : Newcastle;

        var result = PledgeMatching.Match(criteria, standard, [location]);

        Assert.Equal(75, result.Percentage);
        Assert.DoesNotContain(missed, result.Met);
    }

    [Fact]
    public void Match_NothingMet_Is0()
    {
        var criteria = new PledgeCriteria([7], [CareerFamily.Doctors], ["Digital"], [Stoke]);

        Assert.Equal(0, PledgeMatching.Match(criteria, LevyTestData.Standard(), [Burton]).Percentage);
    }

    [Fact]
    public void Match_AnyOfSeveralWorkplacesInAnyRadius_MeetsLocation()
    {
        var criteria = PledgeCriteria.None with { Locations = [Stoke, new PledgeLocation("Stafford", null, 52.806, -2.117, 3)] };

        Assert.Contains(MatchCriterion.Location, PledgeMatching.Match(criteria, LevyTestData.Standard(), [Burton, Newcastle]).Met);
    }

    [Fact]
    public void IsWithin_RadiusIsInclusiveOfDistance()
    {
        Assert.True(PledgeMatching.IsWithin(Stoke with { RadiusMiles = 2 }, Newcastle));
        Assert.False(PledgeMatching.IsWithin(Stoke with { RadiusMiles = 1 }, Newcastle));
    }

    [Fact]
    public void IsWithin_WithoutCoordinates_FallsBackToThePostcodeDistrict()
    {
        var unlocated = Stoke with { Latitude = null, Longitude = null };

        Assert.True(PledgeMatching.IsWithin(unlocated, new ApplicationLocation("ST4 7AA")));
        Assert.False(PledgeMatching.IsWithin(unlocated, new ApplicationLocation("ST5 2LY")));
        Assert.False(PledgeMatching.IsWithin(new PledgeLocation("Somewhere", null, 52.9, -2.2, 50), new ApplicationLocation("ST4 7AA")));
    }
}
