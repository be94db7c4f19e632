using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class PledgeValidatorTests
{
    private static readonly DateOnly Today = new(2026, 5, 12);

    [Fact]
    public void Validate_AGoodPledge_IsNormalised()
    {
        var (pledge, errors) = PledgeValidator.Validate(LevyTestData.ValidPledgeInput() with { Levels = [3, 2, 3], Routes = ["CARE SERVICES"] }, "UHNM", "UHNM trust", "employer-uhnm", Today);

        Assert.Empty(errors);
        Assert.Equal(10_000m, pledge!.Amount);
        Assert.Equal([2, 3], pledge.Criteria.Levels);
        Assert.Equal(["Care services"], pledge.Criteria.Routes);
        Assert.Equal([CareerFamily.SocialCare], pledge.Criteria.CareerFamilies);
        Assert.Equal(new PledgeLocation("Newcastle-under-Lyme", "ST5 2LY", null, null, 10), Assert.Single(pledge.Criteria.Locations));
        Assert.Equal(AutoApproval.Delayed, pledge.AutoApproval);
        Assert.Equal(Today, pledge.OpensOn);
        Assert.False(pledge.NamePublic);
        Assert.Equal(PledgeStatus.Open, pledge.Status);
    }

    [Fact]
    public void Validate_NoCriteria_IsAllowed()
    {
        var input = LevyTestData.ValidPledgeInput() with { Levels = null, CareerFamilies = null, Routes = null, Locations = null, AutoApproval = null };

        var (pledge, _) = PledgeValidator.Validate(input, "UHNM", "UHNM trust", "employer-uhnm", Today);

        Assert.Empty(pledge!.Criteria.Levels);
        Assert.Empty(pledge.Criteria.CareerFamilies);
        Assert.Empty(pledge.Criteria.Routes);
        Assert.Empty(pledge.Criteria.Locations);
        Assert.Equal(AutoApproval.None, pledge.AutoApproval);
    }

    [Theory]
    [InlineData(1_999.0)]
    [InlineData(10_000_001.0)]
    [InlineData(2_500.5)]
    public void Validate_AmountBelowTheMinimumOrOddPence_IsRefused(double amount)
    {
        var (_, errors) = PledgeValidator.Validate(LevyTestData.ValidPledgeInput() with { Amount = (decimal)amount }, "UHNM", "UHNM trust", "x", Today);

        Assert.Contains("amount", errors.Keys);
    }

    [Fact]
    public void Validate_EveryMistake_IsReportedAtOnce()
    {
        var input = new PledgeInput
        {
            Amount = 500,
            Levels = [1, 8],
            CareerFamilies = ["Astronauts", "NotSureYet"],
            Routes = ["Space"],
            Locations = [new PledgeLocationInput(null, "not a postcode", null, null, 0), new PledgeLocationInput("Nowhere", null, null, null, 5)],
            AutoApproval = "Sometimes",
            OpensOn = "2026-05-01",
            ClosesOn = "31/12/2026",
            ContactEmail = "priya at example",
        };

        var (pledge, errors) = PledgeValidator.Validate(input, "UHNM", "UHNM trust", "x", Today);

        Assert.Null(pledge);
        Assert.Equal(
            ["amount", "autoApproval", "careerFamilies[0]", "careerFamilies[1]", "closesOn", "contactEmail", "contactName", "levels[0]", "levels[1]",
             "locations[0].name", "locations[0].postcode", "locations[0].radiusMiles", "locations[1]", "opensOn", "routes[0]"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_CloseBeforeOpen_IsRefused()
    {
        var (_, errors) = PledgeValidator.Validate(LevyTestData.ValidPledgeInput() with { OpensOn = "2026-07-01", ClosesOn = "2026-06-30" }, "UHNM", "UHNM trust", "x", Today);

        Assert.Equal(["closesOn"], errors.Keys);
    }

    [Fact]
    public void Validate_LocationByCoordinates_NeedsNoPostcode()
    {
        var input = LevyTestData.ValidPledgeInput() with { Locations = [new PledgeLocationInput("Leek", null, 53.105, -2.026, 8)] };

        var (pledge, errors) = PledgeValidator.Validate(input, "UHNM", "UHNM trust", "x", Today);

        Assert.Empty(errors);
        Assert.Equal(new PledgeLocation("Leek", null, 53.105, -2.026, 8), Assert.Single(pledge!.Criteria.Locations));
    }
}
