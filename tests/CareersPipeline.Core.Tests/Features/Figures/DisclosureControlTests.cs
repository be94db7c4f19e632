using CareersPipeline.Core.Features.Figures;

namespace CareersPipeline.Core.Tests.Features.Figures;

public sealed class DisclosureControlTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(7, "5")]
    [InlineData(8, "10")]
    [InlineData(12, "10")]
    [InlineData(13, "15")]
    [InlineData(136, "135")]
    [InlineData(1238, "1,240")]
    public void Publish_HidesUnderFive_AndRoundsTheRestToTheNearestFive(long count, string shown)
    {
        var published = DisclosureControl.Publish(count);

        Assert.Equal(shown, published.Text);
        Assert.Equal(count is > 0 and < 5, published.Suppressed);
    }

    [Fact]
    public void Protect_OneHiddenCellInALine_HidesTheNextSmallestToo()
    {
        // 3 + 10 + 20 = 33: with 3 hidden and the rest shown, 33 - 10 - 20 would give it away.
        var published = DisclosureControl.Protect([[3, 10, 20, 33]], DisclosureControl.Lines(1, 4, rowsAddUp: true, columnsAddUp: false));

        Assert.Equal(["<5", "*", "20", "35"], published[0].Select(c => c.Text));
    }

    [Fact]
    public void Protect_CarriesSecondarySuppressionAcrossRowsAndColumns_UntilNoLineHasASingleHiddenCell()
    {
        long[][] grid =
        [
            [2, 6, 8],
            [9, 12, 21],
            [11, 18, 29],
        ];

        var published = DisclosureControl.Protect(grid, DisclosureControl.Lines(3, 3, rowsAddUp: true, columnsAddUp: true));

        Assert.Equal(["<5", "*", "10"], published[0].Select(c => c.Text));
        Assert.Equal(["*", "*", "20"], published[1].Select(c => c.Text));
        Assert.Equal(["10", "20", "30"], published[2].Select(c => c.Text));
        var lines = DisclosureControl.Lines(3, 3, true, true).ToList();
        Assert.All(lines, line => Assert.NotEqual(1, line.Count(cell => published[cell.Row][cell.Column].Suppressed)));
    }

    [Fact]
    public void Protect_ZerosAreNotHiddenToProtect_ForTheyDescribeNobody()
    {
        var published = DisclosureControl.Protect([[0, 3, 0, 3]], DisclosureControl.Lines(1, 4, rowsAddUp: true, columnsAddUp: false));

        Assert.Equal(["0", "<5", "0", "<5"], published[0].Select(c => c.Text));
    }

    [Fact]
    public void Rate_IsWorkedOutFromTheRoundedCounts_AndNotShownWhenEitherIsHidden()
    {
        Assert.Equal(89, DisclosureControl.Rate(DisclosureControl.Publish(120), DisclosureControl.Publish(136)));
        Assert.Null(DisclosureControl.Rate(DisclosureControl.Publish(3), DisclosureControl.Publish(136)));
        Assert.Null(DisclosureControl.Rate(DisclosureControl.Publish(0), DisclosureControl.Publish(0)));
    }
}
