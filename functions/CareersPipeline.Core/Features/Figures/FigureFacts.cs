using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// What one person's journey events add to the figures. A pure function of the events, so the incremental path (the
/// difference between a person's events before and after a change) and the nightly rebuild (every person's events
/// summed) give the same figures by construction; the tests check it on real storage as well.
/// </summary>
public static class FigureFacts
{
    /// <summary>The funnel's steps, in order. Registered and Engaged are not steps: every sign-up is registered when routed.</summary>
    public static readonly IReadOnlyList<JourneyStage> Funnel =
        [JourneyStage.SignedUp, JourneyStage.Matched, JourneyStage.Applied, JourneyStage.Interviewed, JourneyStage.Offered, JourneyStage.InWork];

    /// <summary>The gaps whose median days are shown: each step to the next, then time to offer and time to start.</summary>
    public static readonly IReadOnlyList<(JourneyStage From, JourneyStage To)> Gaps =
    [
        (JourneyStage.SignedUp, JourneyStage.Matched),
        (JourneyStage.Matched, JourneyStage.Applied),
        (JourneyStage.Applied, JourneyStage.Interviewed),
        (JourneyStage.Interviewed, JourneyStage.Offered),
        (JourneyStage.Offered, JourneyStage.InWork),
        (JourneyStage.SignedUp, JourneyStage.Offered),
        (JourneyStage.Applied, JourneyStage.Offered),
    ];

    public const string Unknown = "Unknown";

    public static FigureTally Of(IReadOnlyList<JourneyEvent> events)
    {
        var tally = new FigureTally();
        if (events.Count == 0)
        {
            return tally;
        }

        var verified = events.Where(e => e.Stage == JourneyStage.Verified).Select(e => e.Reference).ToHashSet(StringComparer.Ordinal);
        foreach (var signUp in events.Where(e => e.Stage == JourneyStage.SignedUp))
        {
            var state = verified.Contains(signUp.Reference) ? "verified" : "unverified";
            tally.Add(new FigureKey(FigureKey.WeekOf(signUp.At), FigureKey.SignUps, signUp.Door ?? Unknown, $"{signUp.Route ?? Unknown}|{state}"), 1);
        }

        // A person counts once at each step, on the day they first reached it, under the door and route they first
        // signed up through (or, without a sign-up event, the first door and route any event carries).
        var ordered = events.OrderBy(e => e.At).ToList();
        var origin = ordered.FirstOrDefault(e => e.Stage == JourneyStage.SignedUp) ?? ordered.FirstOrDefault(e => e.Door is not null) ?? ordered[0];
        var door = origin.Door ?? Unknown;
        var route = origin.Route ?? Unknown;
        var first = new Dictionary<JourneyStage, DateTimeOffset>();
        foreach (var e in ordered)
        {
            first.TryAdd(e.Stage, e.At);
        }

        foreach (var stage in Funnel)
        {
            if (first.TryGetValue(stage, out var at))
            {
                tally.Add(new FigureKey(FigureKey.WeekOf(at), FigureKey.People, door, $"{stage}|{route}"), 1);
            }
        }

        foreach (var (from, to) in Gaps)
        {
            if (first.TryGetValue(from, out var start) && first.TryGetValue(to, out var end) && end >= start)
            {
                var days = (int)Math.Floor((end - start).TotalDays);
                tally.Add(new FigureKey(FigureKey.WeekOf(end), FigureKey.Days, FigureKey.AllDoors, $"{from}>{to}|{days}"), 1);
            }
        }

        return tally;
    }

    /// <summary>What a change to one person's events does to the figures: after minus before.</summary>
    public static FigureTally Change(IReadOnlyList<JourneyEvent> before, IReadOnlyList<JourneyEvent> after)
    {
        var delta = Of(after);
        delta.Add(Of(before), -1);
        return delta;
    }
}
