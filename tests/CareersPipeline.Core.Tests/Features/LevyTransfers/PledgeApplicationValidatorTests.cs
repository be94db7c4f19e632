using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class PledgeApplicationValidatorTests
{
    private static readonly DateOnly Today = new(2026, 5, 12);

    [Fact]
    public void Validate_AGoodApplication_IsNormalised()
    {
        var (application, errors) = PledgeApplicationValidator.Validate(LevyTestData.ValidApplicationInput(new DateOnly(2026, 9, 1)), Today);

        Assert.Empty(errors);
        Assert.Equal(new ApplicationStandard("Adult care worker", 650, 2, "Care services", CareerFamily.SocialCare, 12, 6_000m), application!.Standard);
        Assert.Equal(["ST5 2LY"], application.Postcodes);
        Assert.Equal(2, application.NumberOfApprentices);
    }

    [Theory]
    [InlineData("2026-05-01", true)]
    [InlineData("2026-04-30", false)]
    [InlineData("2027-03-31", true)]
    [InlineData("2027-04-01", false)]
    public void Validate_StartDate_RunsFromThisMonthToTheEndOfTheFinancialYear(string start, bool allowed)
    {
        var input = LevyTestData.ValidApplicationInput(Today) with { StartDate = start };

        var (_, errors) = PledgeApplicationValidator.Validate(input, Today);

        Assert.Equal(allowed, !errors.ContainsKey("startDate"));
    }

    [Fact]
    public void Validate_DetailsOver200Words_IsRefused()
    {
        var exactly200 = string.Join(' ', Enumerable.Repeat("word", 200));

        Assert.Empty(PledgeApplicationValidator.Validate(LevyTestData.ValidApplicationInput(Today) with { Details = exactly200 }, Today).Errors);
        var (_, errors) = PledgeApplicationValidator.Validate(LevyTestData.ValidApplicationInput(Today) with { Details = exactly200 + " more" }, Today);
        Assert.Equal("Use 200 words or fewer (you used 201).", Assert.Single(errors["details"]));
    }

    [Fact]
    public void Validate_EveryMistake_IsReportedAtOnce()
    {
        var input = new ApplicationInput
        {
            Standard = new StandardInput(null, 0, 9, "Rocketry", "NotSureYet", 6, 30_000m),
            NumberOfApprentices = 0,
            StartDate = "2030-01-01",
            Postcodes = ["nope"],
            ContactName = "Jo",
            ContactEmail = "jo@",
        };

        var (application, errors) = PledgeApplicationValidator.Validate(input, Today);

        Assert.Null(application);
        Assert.Equal(
            ["contactEmail", "details", "numberOfApprentices", "postcodes[0]", "standard.careerFamily", "standard.durationMonths", "standard.larsCode",
             "standard.level", "standard.maxFunding", "standard.route", "standard.title", "startDate"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_NoStandardOrPostcodes_SaysSo()
    {
        var (_, errors) = PledgeApplicationValidator.Validate(LevyTestData.ValidApplicationInput(Today) with { Standard = null, Postcodes = [] }, Today);

        Assert.Equal(["postcodes", "standard"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
