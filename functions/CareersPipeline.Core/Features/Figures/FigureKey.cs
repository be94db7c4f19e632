namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// One anonymous count's place: the week (its Monday) it falls in, the measure, the door, and the cell within them
/// ("{route}|verified", "{stage}|{route}", "{from}>{to}|{days}"). Never a person key.
/// </summary>
public sealed record FigureKey(DateOnly Week, string Measure, string Door, string Cell)
{
    /// <summary>Sign-ups by route and whether their address was verified: cell "{route}|verified" or "{route}|unverified".</summary>
    public const string SignUps = "signups";

    /// <summary>People reaching each funnel stage for the first time: cell "{stage}|{route}".</summary>
    public const string People = "people";

    /// <summary>Whole days between two stages of one person, as a count per number of days: cell "{from}>{to}|{days}", door "all".</summary>
    public const string Days = "days";

    public const string AllDoors = "all";

    /// <summary>The Monday of the week holding <paramref name="at"/> (UTC): figures are kept by week.</summary>
    public static DateOnly WeekOf(DateTimeOffset at)
    {
        var day = DateOnly.FromDateTime(at.UtcDateTime);
        return WeekOf(day);
    }

    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
