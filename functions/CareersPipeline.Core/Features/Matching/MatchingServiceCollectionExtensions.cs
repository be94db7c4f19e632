using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Matching;

public static class MatchingServiceCollectionExtensions
{
    /// <summary>
    /// Matching people to candidates and telling them, and advisers' caseloads. Settings: MATCH_LIST_SIZE,
    /// MATCH_ALERT_MIN_SCORE, MATCH_ALERT_MIN_HOURS, MATCH_INDEX_MAX_AGE_MINUTES.
    /// </summary>
    public static IServiceCollection AddMatching(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MatchingOptions>(o =>
        {
            o.ListSize = AppSettings.Positive(configuration, "MATCH_LIST_SIZE", o.ListSize);
            o.AlertMinScore = AppSettings.Positive(configuration, "MATCH_ALERT_MIN_SCORE", o.AlertMinScore);
            o.AlertMinHours = AppSettings.Positive(configuration, "MATCH_ALERT_MIN_HOURS", o.AlertMinHours);
            o.IndexMaxAgeMinutes = AppSettings.Positive(configuration, "MATCH_INDEX_MAX_AGE_MINUTES", o.IndexMaxAgeMinutes);
        });

        // What people can be matched to; programmes, events and courses add their sources here.
        services.AddSingleton<ICandidateSource, OpportunityCandidates>();

        services.AddSingleton<CandidateIndexCache>();
        services.AddSingleton<MatchStore>();
        services.AddSingleton<MatchProfiles>();
        services.AddSingleton<MatchResults>();
        services.AddSingleton<MatchRequests>();
        services.AddSingleton<MatchLinks>();
        services.AddSingleton<IPersonKeyMerge, MatchPersonMerge>();
        services.AddSingleton<MatchEmails>();
        services.AddSingleton<MatchAlerts>();
        services.AddSingleton<PersonMatcher>();
        services.AddSingleton<CandidateMatcher>();
        services.AddSingleton<MatchingFullPass>();
        services.AddSingleton<MatchDigestJob>();
        services.AddSingleton<ClosingReminderJob>();
        services.AddSingleton<PersonMatches>();
        services.AddSingleton<AdviserMatches>();
        services.AddSingleton<IPersonalDataSource, MatchingDataSource>();
        return services;
    }
}
