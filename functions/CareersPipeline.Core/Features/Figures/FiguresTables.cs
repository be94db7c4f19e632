using System.Globalization;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// Builds the dashboard's published tables from the counts of a period. Pure (no storage), so every figure can be
/// checked by hand on a small dataset. Every count goes through <see cref="DisclosureControl"/> here and nowhere else.
/// </summary>
public static class FiguresTables
{
    private static readonly string[] Doors = [.. Enum.GetNames<Door>()];
    private static readonly string[] Routes = [.. Enum.GetNames<JourneyRoute>()];

    public static FiguresDashboard Build(FigureTally figures, FiguresPeriod period)
    {
        var inPeriod = new FigureTally();
        foreach (var (key, n) in figures.Counts.Where(c => c.Key.Week >= period.FromWeek && c.Key.Week <= period.ToWeek))
        {
            inPeriod.Add(key, n);
        }

        var doors = Dimension(Doors, inPeriod.Counts.Keys.Where(k => k.Measure is FigureKey.SignUps or FigureKey.People).Select(k => k.Door));
        var routes = Dimension(Routes, inPeriod.Counts.Keys.Where(k => k.Measure is FigureKey.SignUps or FigureKey.People).Select(k => RouteOf(k)));
        var funnelByDoor = FunnelBy("funnel-by-door", "People at each step by door", "Door", doors, FigureWords.Door, inPeriod, (k, d) => k.Door == d);
        var funnelByRoute = FunnelBy("funnel-by-route", "People at each step by route", "Route", routes, FigureWords.Route, inPeriod, (k, r) => RouteOf(k) == r);
        return new FiguresDashboard(period,
        [
            SignUps("signups-by-door", "Sign-ups by door", "Door", doors, FigureWords.Door, inPeriod, (k, d) => k.Door == d),
            SignUps("signups-by-route", "Sign-ups by Journey to Work route", "Route", routes, FigureWords.Route, inPeriod, (k, r) => RouteOf(k) == r),
            SignUpsByWeek(inPeriod, period),
            FunnelTable(inPeriod),
            funnelByDoor,
            Conversion("conversion-by-door", "Conversion at each step by door", funnelByDoor),
            funnelByRoute,
            Conversion("conversion-by-route", "Conversion at each step by route", funnelByRoute),
            DaysBetween(inPeriod),
        ]);
    }

    /// <summary>Sign-up cells are "{route}|{verified}", people cells "{stage}|{route}".</summary>
    private static string RouteOf(FigureKey key)
    {
        var bar = key.Cell.IndexOf('|', StringComparison.Ordinal);
        return key.Measure == FigureKey.SignUps ? key.Cell[..bar] : key.Cell[(bar + 1)..];
    }

    private static string StageOf(FigureKey key) => key.Cell[..key.Cell.IndexOf('|', StringComparison.Ordinal)];

    private static bool IsVerified(FigureKey key) => key.Cell.EndsWith("|verified", StringComparison.Ordinal);

    /// <summary>The known values in their usual order, then any others the data holds (an older or unrecorded value).</summary>
    private static List<string> Dimension(string[] known, IEnumerable<string> found) =>
        [.. known, .. found.Distinct().Where(v => !known.Contains(v)).Order(StringComparer.Ordinal)];

    private static FigureTable SignUps(string id, string title, string heading, List<string> values, Func<string, string> label, FigureTally figures, Func<FigureKey, string, bool> match)
    {
        var grid = values.Select(v => SignUpRow(figures, k => match(k, v))).ToList();
        return SignUpTable(id, title, $"Sign-ups in the period by {heading.ToLowerInvariant()}, and whether the address was verified.", heading, [.. values.Select(label)], grid);
    }

    private static FigureTable SignUpsByWeek(FigureTally figures, FiguresPeriod period)
    {
        var weeks = new List<DateOnly>();
        for (var week = period.FromWeek; week <= period.ToWeek; week = week.AddDays(7))
        {
            weeks.Add(week);
        }

        var grid = weeks.Select(w => SignUpRow(figures, k => k.Week == w)).ToList();
        return SignUpTable("signups-by-week", "Sign-ups by week", "Sign-ups in each week (weeks start on Monday).", "Week beginning",
            [.. weeks.Select(w => w.ToString("d MMM yyyy", CultureInfo.InvariantCulture))], grid);
    }

    private static long[] SignUpRow(FigureTally figures, Func<FigureKey, bool> match)
    {
        var verified = figures.Sum(k => k.Measure == FigureKey.SignUps && IsVerified(k) && match(k));
        var unverified = figures.Sum(k => k.Measure == FigureKey.SignUps && !IsVerified(k) && match(k));
        return [verified, unverified, verified + unverified];
    }

    /// <summary>Rows with a total column, and a total row: both directions add up, so both are protected.</summary>
    private static FigureTable SignUpTable(string id, string title, string description, string heading, List<string> labels, List<long[]> grid)
    {
        grid.Add([grid.Sum(r => r[0]), grid.Sum(r => r[1]), grid.Sum(r => r[2])]);
        labels.Add("Total");
        var published = DisclosureControl.Protect([.. grid.Select(r => (IReadOnlyList<long>)r)], DisclosureControl.Lines(grid.Count, 3, rowsAddUp: true, columnsAddUp: true));
        return new FigureTable(id, title, description, [heading, "Verified", "Not verified", "All"],
            [.. labels.Select((l, i) => new FigureRow(l, [.. published[i].Select(FigureCell.Of)]))], 2);
    }

    private static long PeopleAt(FigureTally figures, JourneyStage stage, Func<FigureKey, bool> match) =>
        figures.Sum(k => k.Measure == FigureKey.People && StageOf(k) == stage.ToString() && match(k));

    /// <summary>The whole funnel: steps are not parts of a whole, so each count is published on its own.</summary>
    private static FigureTable FunnelTable(FigureTally figures)
    {
        var published = FigureFacts.Funnel.Select(s => DisclosureControl.Publish(PeopleAt(figures, s, _ => true))).ToList();
        var rows = FigureFacts.Funnel.Select((s, i) => new FigureRow(FigureWords.Stage(s),
        [
            FigureCell.Of(published[i]),
            RateCell(i == 0 ? null : DisclosureControl.Rate(published[i], published[i - 1]), i == 0),
        ]));
        return new FigureTable("funnel", "The funnel", "People who reached each step in the period, and what share that is of the step before.",
            ["Step", "People", "Conversion from the step before"], [.. rows], 0);
    }

    /// <summary>Steps across, groups down with a total row: the groups add up to the total at each step, so columns are protected.</summary>
    private static FigureTable FunnelBy(string id, string title, string heading, List<string> values, Func<string, string> label, FigureTally figures, Func<FigureKey, string, bool> match)
    {
        var grid = values.Select(v => (IReadOnlyList<long>)[.. FigureFacts.Funnel.Select(s => PeopleAt(figures, s, k => match(k, v)))]).ToList();
        grid.Add([.. FigureFacts.Funnel.Select((_, i) => grid.Sum(r => r[i]))]);
        var published = DisclosureControl.Protect(grid, DisclosureControl.Lines(grid.Count, FigureFacts.Funnel.Count, rowsAddUp: false, columnsAddUp: true));
        var labels = values.Select(label).Append("All").ToList();
        return new FigureTable(id, title, $"People who reached each step in the period, by the {heading.ToLowerInvariant()} they first signed up through.",
            [heading, .. FigureFacts.Funnel.Select(FigureWords.Stage)],
            [.. labels.Select((l, i) => new FigureRow(l, [.. published[i].Select(FigureCell.Of)]))], null);
    }

    /// <summary>Rates from a published funnel table, so a rate shows nothing its counts hide.</summary>
    private static FigureTable Conversion(string id, string title, FigureTable funnel) =>
        new(id, title, "Each step's people as a share of the step before (per cent), worked out from the rounded counts; blank where a count is hidden.",
            [funnel.Columns[0], .. FigureFacts.Funnel.Skip(1).Select(FigureWords.Stage)],
            [.. funnel.Rows.Select(r => new FigureRow(r.Label, [.. r.Cells.Skip(1).Select((cell, i) =>
                RateCell(Rate(cell, r.Cells[i]), false))]))], null);

    private static int? Rate(FigureCell part, FigureCell whole) =>
        part.Value is { } p && whole.Value is { } w && w > 0 ? (int)Math.Round(100.0 * p / w, MidpointRounding.AwayFromZero) : null;

    private static FigureCell RateCell(int? rate, bool first) =>
        rate is { } r ? new FigureCell($"{r}%", r) : new FigureCell(first ? string.Empty : "Not shown", null);

    /// <summary>Medians need at least <see cref="DisclosureControl.Threshold"/> people: a median of fewer describes them.</summary>
    private static FigureTable DaysBetween(FigureTally figures)
    {
        var rows = FigureFacts.Gaps.Select(gap =>
        {
            var prefix = $"{gap.From}>{gap.To}|";
            var byDays = figures.Counts.Where(c => c.Key.Measure == FigureKey.Days && c.Key.Cell.StartsWith(prefix, StringComparison.Ordinal))
                .GroupBy(c => int.Parse(c.Key.Cell[prefix.Length..], CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => g.Sum(c => c.Value));
            var people = byDays.Values.Sum();
            var median = people >= DisclosureControl.Threshold ? DaysMedian.Of(byDays) : null;
            return new FigureRow(FigureWords.Gap(gap.From, gap.To),
            [
                FigureCell.Of(DisclosureControl.Publish(people)),
                median is { } m ? new FigureCell(m.ToString("0.#", CultureInfo.InvariantCulture), m) : new FigureCell(people == 0 ? "No one" : "Not shown", null),
            ]);
        });
        return new FigureTable("days-between-steps", "Median days between steps", "For people who reached the later step in the period: the median whole days since they reached the earlier one. Not shown for fewer than 5 people.",
            ["Between", "People", "Median days"], [.. rows], 1);
    }
}
