namespace CareersPipeline.Core.Features.Geocoding;

/// <summary>When to try an unavailable lookup again: 5 minutes, doubling, at most 6 hours apart.</summary>
public static class GeocodeRetrySchedule
{
    private static readonly TimeSpan First = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Longest = TimeSpan.FromHours(6);

    public static TimeSpan DelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 16);
        var delay = First * Math.Pow(2, doublings);
        return delay < Longest ? delay : Longest;
    }
}
