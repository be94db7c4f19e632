using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class LevyIdsTests
{
    [Fact]
    public void NewIds_AreWellFormed_AndAnApplicationNamesItsPledge()
    {
        var pledge = LevyIds.NewPledge();
        var application = LevyIds.NewApplication(pledge);

        Assert.True(LevyIds.IsPledge(pledge));
        Assert.True(LevyIds.IsApplication(application));
        Assert.False(LevyIds.IsPledge(application));
        Assert.False(LevyIds.IsApplication(pledge));
        Assert.Equal(pledge, LevyIds.PledgeOf(application));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("p123")]
    [InlineData("P0123456789abcdef01234567")]
    [InlineData("p0123456789abcdef01234567/")]
    [InlineData("p0123456789abcdef01234567-a0123456789ab'")]
    public void MalformedIds_AreRefused(string? id)
    {
        Assert.False(LevyIds.IsPledge(id));
        Assert.False(LevyIds.IsApplication(id));
    }

    [Fact]
    public void PlaceFor_IsAStableOpportunityId()
    {
        var application = LevyIds.NewApplication(LevyIds.NewPledge());

        Assert.Equal(LevyIds.PlaceFor(application), LevyIds.PlaceFor(application));
        Assert.True(OpportunityIds.IsWellFormed(LevyIds.PlaceFor(application)));
        Assert.NotEqual(LevyIds.PlaceFor(application), LevyIds.PlaceFor(LevyIds.NewApplication(LevyIds.PledgeOf(application))));
    }
}
