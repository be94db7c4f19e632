using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.Figures;

/// <summary>Every figure of the dashboard on <see cref="FiguresDataset"/>, worked out by hand (the comments show the raw counts).</summary>
public sealed class FiguresTablesTests
{
    private static readonly FiguresDashboard Dashboard = FiguresTables.Build(Sum(FiguresDataset.People()), new FiguresPeriod(FiguresDataset.From, FiguresDataset.To));

    [Fact]
    public void SignUpsByDoor_HideUnderFive_ThenTheNextSmallestInEachRowAndColumn_AndRound()
    {
        // Raw: Website 9 + 3 = 12, School 7 + 0, Event 0 + 3, Programme 0; total 16 + 6 = 22.
        // Website's 3 hides its 9; the verified column then hides School's 7, and the "all" column School's 7 too.
        var table = Dashboard.Table("signups-by-door")!;

        Assert.Equal(["Door", "Verified", "Not verified", "All"], table.Columns);
        AssertRow(table, "Careers website", "*", "<5", "10");
        AssertRow(table, "School or college", "*", "0", "*");
        AssertRow(table, "Recruitment event", "0", "<5", "<5");
        AssertRow(table, "Work experience programme", "0", "0", "0");
        AssertRow(table, "Total", "15", "5", "20");
    }

    [Fact]
    public void SignUpsByRoute_FollowTheSameRule()
    {
        var table = Dashboard.Table("signups-by-route")!;

        AssertRow(table, "In education", "*", "0", "*");
        AssertRow(table, "Career changer or unemployed", "*", "<5", "10");
        AssertRow(table, "Seldom heard, supported", "0", "<5", "<5");
        AssertRow(table, "Total", "15", "5", "20");
    }

    [Fact]
    public void SignUpsByWeek_ListEveryWeekOfThePeriod()
    {
        // Week of 2 November: 9 verified (website), 3 + 3 not verified; 9 November: 7 school; then none.
        var table = Dashboard.Table("signups-by-week")!;

        Assert.Equal(7, table.Rows.Count);
        AssertRow(table, "2 Nov 2026", "10", "5", "15");
        AssertRow(table, "9 Nov 2026", "5", "0", "5");
        AssertRow(table, "7 Dec 2026", "0", "0", "0");
        AssertRow(table, "Total", "15", "5", "20");
    }

    [Fact]
    public void Funnel_CountsPeopleOnceAtEachStep_WithConversionFromTheRoundedCounts()
    {
        // Raw: 22 signed up, 15 matched, 11 applied, 9 interviewed, 7 offered, 6 started.
        var table = Dashboard.Table("funnel")!;

        AssertRow(table, "Signed up", "20", string.Empty);
        AssertRow(table, "Matched", "15", "75%");
        AssertRow(table, "Applied", "10", "67%");
        AssertRow(table, "Interviewed", "10", "100%");
        AssertRow(table, "Offered", "5", "50%");
        AssertRow(table, "Started work", "5", "100%");
    }

    [Fact]
    public void FunnelByDoor_ProtectsEachStepsColumn_AndConversionIsBlankWhereACountIsHidden()
    {
        // Raw: Website 12, 8, 6, 4, 2, 1; School 7, 7, 5, 5, 5, 5; Event 3, 0...; all 22, 15, 11, 9, 7, 6.
        var counts = Dashboard.Table("funnel-by-door")!;
        AssertRow(counts, "Careers website", "10", "10", "5", "<5", "<5", "<5");
        AssertRow(counts, "School or college", "*", "5", "5", "*", "*", "*");
        AssertRow(counts, "Recruitment event", "<5", "0", "0", "0", "0", "0");
        AssertRow(counts, "All", "20", "15", "10", "10", "5", "5");

        var rates = Dashboard.Table("conversion-by-door")!;
        AssertRow(rates, "Careers website", "100%", "50%", "Not shown", "Not shown", "Not shown");
        AssertRow(rates, "School or college", "Not shown", "100%", "Not shown", "Not shown", "Not shown");
        AssertRow(rates, "All", "75%", "67%", "100%", "50%", "100%");
    }

    [Fact]
    public void FunnelByRoute_UsesTheRouteTheyFirstSignedUpOn()
    {
        var counts = Dashboard.Table("funnel-by-route")!;

        AssertRow(counts, "In education", "*", "5", "5", "*", "*", "*");
        AssertRow(counts, "Career changer or unemployed", "10", "10", "5", "<5", "<5", "<5");
        AssertRow(counts, "Seldom heard, supported", "<5", "0", "0", "0", "0", "0");
    }

    [Fact]
    public void DaysBetweenSteps_AreMediansOfWholeDays()
    {
        var table = Dashboard.Table("days-between-steps")!;

        AssertRow(table, "Signed up to matched", "15", "1");         // 15 people, all a day
        AssertRow(table, "Matched to applied", "10", "4");           // 6 x 4 days, 5 x 6 days
        AssertRow(table, "Applied to interviewed", "10", "4");       // 4 x 5 days, 5 x 4 days
        AssertRow(table, "Interviewed to offered", "5", "3");        // 2 x 6 days, 5 x 3 days
        AssertRow(table, "Time to start (offer to start)", "5", "14"); // 1 x 12 days, 5 x 14 days
        AssertRow(table, "Time to offer (sign-up to offer)", "5", "14"); // 2 x 16 days, 5 x 14 days
        AssertRow(table, "Application to offer", "5", "7");          // 2 x 11 days, 5 x 7 days
    }

    [Fact]
    public void DaysBetweenSteps_ForFewerThanFivePeople_AreNotShown()
    {
        // Only the week of 30 November: the one website starter (the school's start on 7 December is outside).
        var dashboard = FiguresTables.Build(Sum(FiguresDataset.People()), new FiguresPeriod(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6)));

        AssertRow(dashboard.Table("days-between-steps")!, "Time to start (offer to start)", "<5", "Not shown");
        AssertRow(dashboard.Table("days-between-steps")!, "Signed up to matched", "0", "No one");
    }

    [Fact]
    public void Incremental_EventByEvent_GivesTheSameFiguresAsWorkingThemOutFromAllTheEvents()
    {
        var incremental = new FigureTally();
        foreach (var person in FiguresDataset.People())
        {
            // In an order other than by date, as queues may deliver them.
            var recorded = new List<JourneyEvent>();
            foreach (var e in person.Reverse())
            {
                var before = recorded.OrderBy(x => x.At).ToList();
                recorded.Add(e);
                incremental.Add(FigureFacts.Change(before, [.. recorded.OrderBy(x => x.At)]));
            }
        }

        var rebuilt = Sum(FiguresDataset.People());
        Assert.Equal(rebuilt.Counts.OrderBy(c => c.Key.ToString()), incremental.Counts.OrderBy(c => c.Key.ToString()));
    }

    [Fact]
    public void Facts_HoldNoPersonKeys()
    {
        var keys = Sum(FiguresDataset.People()).Counts.Keys.SelectMany(k => new[] { k.Measure, k.Door, k.Cell }).ToList();

        Assert.DoesNotContain(keys, k => k.Contains("person-", StringComparison.Ordinal) || k.Contains("ref-", StringComparison.Ordinal));
    }

    [Fact]
    public void Csv_IsThePublishedTable_WithFormulasDefused()
    {
        var table = new FigureTable("t", "=Title", "d", ["Door", "Count"], [new FigureRow("+cmd", [new FigureCell("<5", null)])], null);

        var csv = FiguresCsv.Of(table, new FiguresPeriod(FiguresDataset.From, FiguresDataset.To));

        Assert.Equal("\"'=Title\",\"2026-11-02 to 2026-12-13\"\r\n\"Door\",\"Count\"\r\n\"'+cmd\",\"<5\"\r\n", csv);
    }

    private static FigureTally Sum(IEnumerable<IReadOnlyList<JourneyEvent>> people)
    {
        var tally = new FigureTally();
        foreach (var person in people)
        {
            tally.Add(FigureFacts.Of(person));
        }

        return tally;
    }

    private static void AssertRow(FigureTable table, string label, params string[] cells)
    {
        var row = Assert.Single(table.Rows, r => r.Label == label);
        Assert.Equal(cells, row.Cells.Select(c => c.Text));
    }
}
