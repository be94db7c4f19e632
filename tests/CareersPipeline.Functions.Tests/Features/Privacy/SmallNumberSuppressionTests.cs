using CareersPipeline.Core.Features.Privacy;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>Small-number suppression: counts of 1 to 4 never shown, and never derivable from what is shown.</summary>
public sealed class SmallNumberSuppressionTests
{
    [Fact]
    public void CountsOfFiveOrMore_AreShown()
    {
        var table = Apply(("A", 5), ("B", 12), ("C", 0));

        Assert.Equal(["5", "12", "0"], table.Cells.Select(c => c.Count));
        Assert.Equal("17", table.Total);
    }

    [Fact]
    public void OneSmallCount_IsShownAsBelowFive_AndTheNextSmallestIsHidden()
    {
        // Without the second suppression, 20 - 12 - 6 would give the 2 away.
        var table = Apply(("A", 12), ("B", 2), ("C", 6), ("D", 0));

        Assert.Equal(["12", "<5", "*", "0"], table.Cells.Select(c => c.Count));
        Assert.Equal("20", table.Total);
    }

    [Fact]
    public void TwoSmallCountsThatAddUpToTooLittle_AreProtectedToo()
    {
        // 1 and 1 are both "<5", but their sum (2 = total - 10) would pin each of them to 1.
        var table = Apply(("A", 10), ("B", 1), ("C", 1));

        Assert.Equal(["*", "<5", "<5"], table.Cells.Select(c => c.Count));
    }

    [Fact]
    public void SmallTotal_IsShownAsBelowFive()
    {
        var table = Apply(("A", 3), ("B", 0));

        Assert.Equal(["<5", "0"], table.Cells.Select(c => c.Count));
        Assert.Equal("<5", table.Total);
    }

    [Fact]
    public void WhenNothingIsLeftToHide_TheTotalIsHidden()
    {
        // Four cells of 1 with a total "<5": each would have to be 1.
        var table = Apply(("A", 1), ("B", 1), ("C", 1), ("D", 1));

        Assert.All(table.Cells, c => Assert.Equal("<5", c.Count));
        Assert.Equal("*", table.Total);
    }

    [Fact]
    public void AllCellsAtTheTopOfTheRange_CannotBeWorkedOut()
    {
        // 4 + 4 = 8 shown as a total would pin both "<5" cells to 4.
        var table = Apply(("A", 4), ("B", 4));

        Assert.Equal("*", table.Total);
    }

    [Fact]
    public void EmptyTable_IsAllZeros()
    {
        var table = Apply(("A", 0), ("B", 0));

        Assert.Equal(["0", "0"], table.Cells.Select(c => c.Count));
        Assert.Equal("0", table.Total);
    }

    /// <summary>
    /// Every small table: whatever is published, each hidden cell must still have more than one possible value
    /// among all tables consistent with it (with the rules known: "&lt;5" is 1 to 4, "*" is 5 or more).
    /// </summary>
    [Fact]
    public void NoHiddenCount_IsEverDerivable_Exhaustively()
    {
        int[] values = [0, 1, 2, 3, 4, 5, 6, 7, 9];
        foreach (var size in new[] { 1, 2, 3, 4 })
        {
            foreach (var counts in Combinations(values, size))
            {
                var table = Apply([.. counts.Select((c, i) => ($"C{i}", c))]);
                AssertNotDerivable(counts, table);
            }
        }
    }

    private static void AssertNotDerivable(int[] counts, SuppressedTable table)
    {
        var published = table.Cells.Select(c => c.Count).ToArray();
        Assert.DoesNotContain(published.Select((p, i) => (p, i)), x => x.p != "*" && x.p != "<5" && x.p != counts[x.i].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(published, p => int.TryParse(p, out var n) && n is > 0 and < 5);

        // All tables that would publish exactly the same thing, with cells up to a generous bound.
        var domains = published.Select(p => p switch
        {
            "<5" => Enumerable.Range(1, 4).ToArray(),
            "*" => Enumerable.Range(5, 30).ToArray(),
            _ => [int.Parse(p, System.Globalization.CultureInfo.InvariantCulture)],
        }).ToArray();
        var possible = new List<int[]>();
        foreach (var candidate in Product(domains))
        {
            var sum = candidate.Sum();
            var totalMatches = table.Total switch
            {
                "*" => true,
                "<5" => sum is > 0 and < 5,
                var t => sum == int.Parse(t, System.Globalization.CultureInfo.InvariantCulture),
            };
            if (totalMatches)
            {
                possible.Add(candidate);
            }
        }

        Assert.Contains(possible, p => p.SequenceEqual(counts));
        for (var i = 0; i < counts.Length; i++)
        {
            if (published[i] is "<5" or "*")
            {
                Assert.True(possible.Select(p => p[i]).Distinct().Count() > 1, $"[{string.Join(",", counts)}] published as [{string.Join(",", published)}] total {table.Total}: cell {i} is derivable");
            }
        }
    }

    private static SuppressedTable Apply(params (string Category, int Count)[] cells) =>
        SmallNumberSuppression.Apply([.. cells.Select(c => KeyValuePair.Create(c.Category, c.Count))]);

    private static IEnumerable<int[]> Combinations(int[] values, int size) =>
        Product(Enumerable.Repeat(values, size).ToArray());

    private static IEnumerable<int[]> Product(int[][] domains)
    {
        IEnumerable<int[]> result = [[]];
        foreach (var domain in domains)
        {
            result = result.SelectMany(prefix => domain.Select(v => (int[])[.. prefix, v]));
        }

        return result;
    }
}
