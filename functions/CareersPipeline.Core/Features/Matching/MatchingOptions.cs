namespace CareersPipeline.Core.Features.Matching;

/// <summary>Matching settings (flat app settings, see docs/configuration.md).</summary>
public sealed class MatchingOptions
{
    /// <summary>MATCH_LIST_SIZE: how many matches are kept for each person, best first.</summary>
    public int ListSize { get; set; } = 10;

    /// <summary>MATCH_ALERT_MIN_SCORE: a new match scoring at least this is emailed at once rather than in the weekly digest.</summary>
    public int AlertMinScore { get; set; } = 70;

    /// <summary>MATCH_ALERT_MIN_HOURS: at most one alert per person in this time; later strong matches wait for the digest.</summary>
    public int AlertMinHours { get; set; } = 24;

    /// <summary>MATCH_INDEX_MAX_AGE_MINUTES: how long an instance keeps its candidate index before reading all candidates again.</summary>
    public int IndexMaxAgeMinutes { get; set; } = 10;

    /// <summary>How many matches a digest lists; the rest are on the person's matches page.</summary>
    public int DigestSize { get; set; } = 10;

    /// <summary>How long the link to a person's matches works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);
}
