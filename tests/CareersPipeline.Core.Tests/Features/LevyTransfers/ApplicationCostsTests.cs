using CareersPipeline.Core.Features.LevyTransfers;

namespace CareersPipeline.Core.Tests.Features.LevyTransfers;

public sealed class ApplicationCostsTests
{
    [Fact]
    public void Total_IsTheFundingBandMaximumTimesApprentices() =>
        Assert.Equal(18_000m, ApplicationCosts.Total(6_000m, 3));

    [Fact]
    public void Projection_SpreadsTheCostMonthlyAcrossFinancialYears()
    {
        // 12 months from January 2027: 3 months in 2026/27 (Jan-Mar), 9 in 2027/28.
        var projection = ApplicationCosts.Projection(12_000m, 12, new DateOnly(2027, 1, 15));

        Assert.Equal([new YearCost("2026/27", 3_000m), new YearCost("2027/28", 9_000m)], projection);
    }

    [Fact]
    public void Projection_LongApprenticeship_CoversEveryYearItRuns()
    {
        var projection = ApplicationCosts.Projection(36_000m, 36, new DateOnly(2026, 4, 1));

        Assert.Equal(["2026/27", "2027/28", "2028/29"], projection.Select(y => y.FinancialYear));
        Assert.All(projection, y => Assert.Equal(12_000m, y.Amount));
    }

    [Fact]
    public void Projection_AmountsThatDoNotDivide_StillAddUpToThePenny()
    {
        var projection = ApplicationCosts.Projection(10_000m, 18, new DateOnly(2026, 11, 1));

        Assert.Equal(10_000m, projection.Sum(y => y.Amount));
        Assert.All(projection, y => Assert.Equal(y.Amount, decimal.Round(y.Amount, 2)));
    }

    [Theory]
    [InlineData("2026-03-31", "2025/26", "2026-03-31")]
    [InlineData("2026-04-01", "2026/27", "2027-03-31")]
    [InlineData("2099-12-31", "2099/00", "2100-03-31")]
    public void FinancialYear_RunsAprilToMarch(string date, string label, string end)
    {
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(label, FinancialYear.Label(day));
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), FinancialYear.End(day));
    }

    [Fact]
    public void Money_IsWrittenAsPeopleReadIt()
    {
        Assert.Equal("£10,000", LevyMoney.Format(10_000m));
        Assert.Equal("£1,234.50", LevyMoney.Format(1_234.5m));
    }
}
