using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.Figures;

/// <summary>
/// The small dataset the figures are checked against by hand (docs/metrics.md works it through):
/// 12 website sign-ups (career changers) on Monday 2 November 2026, 9 verified, 8 matched a day later, 6 applied on 7 November,
/// 4 interviewed on 12 November, 2 offered on 18 November, 1 started on 30 November;
/// 7 school sign-ups (in education) on 9 November, all verified and matched on 10 November, 5 applied on 16 November,
/// interviewed on 20 November, offered on 23 November and started on 7 December;
/// 3 event sign-ups (seldom heard) on 4 November, none verified, nothing after.
/// </summary>
public static class FiguresDataset
{
    public static readonly DateOnly From = new(2026, 11, 2);
    public static readonly DateOnly To = new(2026, 12, 13);

    public static IReadOnlyList<IReadOnlyList<JourneyEvent>> People()
    {
        var people = new List<IReadOnlyList<JourneyEvent>>();
        for (var i = 0; i < 12; i++)
        {
            people.Add(Person($"w{i}", "Website", "CareerChangerOrUnemployed", Day(2), verified: i < 9,
                (JourneyStage.Matched, i < 8 ? Day(3) : null),
                (JourneyStage.Applied, i < 6 ? Day(7) : null),
                (JourneyStage.Interviewed, i < 4 ? Day(12) : null),
                (JourneyStage.Offered, i < 2 ? Day(18) : null),
                (JourneyStage.InWork, i < 1 ? Day(30) : null)));
        }

        for (var i = 0; i < 7; i++)
        {
            people.Add(Person($"s{i}", "School", "InEducation", Day(9), verified: true,
                (JourneyStage.Matched, Day(10)),
                (JourneyStage.Applied, i < 5 ? Day(16) : null),
                (JourneyStage.Interviewed, i < 5 ? Day(20) : null),
                (JourneyStage.Offered, i < 5 ? Day(23) : null),
                (JourneyStage.InWork, i < 5 ? Day(37) : null)));
        }

        for (var i = 0; i < 3; i++)
        {
            people.Add(Person($"e{i}", "Event", "SeldomHeardSupported", Day(4), verified: false));
        }

        return people;
    }

    /// <summary>10:00 UTC on the given day of November 2026 (days past 30 run into December).</summary>
    public static DateTimeOffset Day(int november) => new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero).AddDays(november - 1);

    private static List<JourneyEvent> Person(string key, string door, string route, DateTimeOffset signedUp, bool verified, params (JourneyStage Stage, DateTimeOffset? At)[] steps)
    {
        key = $"person-{key}";
        var events = new List<JourneyEvent> { new(key, JourneyStage.SignedUp, signedUp, $"ref-{key}", door, route) };
        if (verified)
        {
            events.Add(new(key, JourneyStage.Verified, signedUp.AddHours(1), $"ref-{key}", door, route));
        }

        events.AddRange(steps.Where(s => s.At is not null).Select(s => new JourneyEvent(key, s.Stage, s.At!.Value, $"ref-{key}-{s.Stage}", door, route)));
        return events;
    }
}
