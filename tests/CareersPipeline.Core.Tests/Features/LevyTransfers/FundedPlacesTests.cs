using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class FundedPlacesTests
{
    [Fact]
    public void Build_IsOneLiveLevyFundedPlacePerApplication_AtTheReceivingEmployer()
    {
        var application = LevyTestData.Application(ApplicationStatus.Accepted);

        var place = FundedPlaces.Build(application, new DateOnly(2026, 5, 12), "employer-meadow", LevyTestData.Now);

        Assert.Equal(LevyIds.PlaceFor(application.Id), place.Id);
        Assert.Equal(OpportunityKind.LevyFundedPlace, place.Kind);
        Assert.Equal(OpportunityStatus.Live, place.Status);
        Assert.Equal("MEADOW-CARE", place.EmployerCode);
        Assert.Equal("Meadow View Care Home", place.EmployerName);
        Assert.Equal(2, place.Positions);
        Assert.Equal(new LevyFunding(application.PledgeId, application.Id), place.LevyFunding);
        Assert.Equal(2, place.Level);
        Assert.Equal(application.Standard.CareerFamily, place.CareerFamily);
        Assert.Equal([new OpportunityLocation("ST5 2LY", 53.01, -2.23)], place.Locations);
        Assert.Equal(new DateOnly(2026, 9, 1), place.ClosingDate);
        Assert.Equal(new StatusChange(OpportunityStatus.Draft, OpportunityStatus.Live, LevyTestData.Now, "employer-meadow"), Assert.Single(place.History));
    }

    [Fact]
    public void Build_StartingSoon_IsStillAdvertisedFourWeeks()
    {
        var application = LevyTestData.Application(ApplicationStatus.Accepted) with { StartDate = new DateOnly(2026, 5, 20) };

        var place = FundedPlaces.Build(application, new DateOnly(2026, 5, 12), "x", LevyTestData.Now);

        Assert.Equal(new DateOnly(2026, 6, 9), place.ClosingDate);
        Assert.Equal(place.ClosingDate, place.StartDate);
    }
}
