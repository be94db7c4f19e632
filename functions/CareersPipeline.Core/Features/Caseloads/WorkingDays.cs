namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Working days are Monday to Friday. Bank holidays are not counted out yet: over a holiday a person is flagged a day
/// early, which errs on the side of contacting them.
/// </summary>
public static class WorkingDays
{
    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/> (0 when to is not later).</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var days = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            days += day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        return days;
    }
}
