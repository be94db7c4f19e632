using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The match-people queue handler: works out one person's matches (after their sign-up is processed, their postcode
/// is placed, they verify their address, or they or their adviser change their preferences), stores them, and sends
/// an alert for strong new ones. Idempotent: an unchanged result writes nothing and nothing is emailed twice.
/// </summary>
public sealed partial class PersonMatcher(
    MatchProfiles profiles,
    MatchStore store,
    CandidateIndexCache candidates,
    MatchResults results,
    MatchAlerts alerts,
    JourneyEvents journey,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<PersonMatcher> logger)
{
    /// <summary>The reference of the Matched journey event: one per person, whichever match came first.</summary>
    public const string FirstMatch = "first-match";

    public async Task HandleAsync(MatchPersonMessage message, CancellationToken cancellationToken)
    {
        if (await profiles.ResolveAsync(message.ApplicantId, cancellationToken) is not { } person)
        {
            // Erased, waiting for a guardian, or not processed yet: there is nobody to match (yet).
            LogNobody(logger, message.ApplicantId);
            return;
        }

        var record = await store.FindAsync(person.PersonKey, cancellationToken);
        var profile = MatchProfiles.From(person.Applicant, record);
        var index = await candidates.GetAsync(cancellationToken);
        var top = index.Top(profile, options.Value.ListSize, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime));
        record = await results.SaveAsync(profile, top, record, profileChanged: true, cancellationToken);
        if (top.Count > 0)
        {
            // The day they were first matched (the figures' funnel step); later runs find it recorded and keep its date.
            await journey.RecordAsync(new JourneyEvent(person.PersonKey, JourneyStage.Matched, time.GetUtcNow(), FirstMatch, person.Applicant.Door, person.Applicant.Route), [], cancellationToken);
        }

        var sent = await alerts.SendAsync([record], cancellationToken);
        LogMatched(logger, person.Applicant.PartitionKey, top.Count, sent.Sent);
        if (sent.Failed > 0)
        {
            // Retried by the queue; the matches are stored, so only the alert is tried again.
            throw new AlertsNotSentException(sent.Failed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applicant {ApplicantId} matched: {Matches} matches, {Alerts} alert(s) sent")]
    private static partial void LogMatched(ILogger logger, string applicantId, int matches, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing to match for applicant {ApplicantId}: no active sign-up")]
    private static partial void LogNobody(ILogger logger, string applicantId);
}

/// <summary>Some alerts were not accepted by the email provider: the queue message is retried.</summary>
public sealed class AlertsNotSentException(int failed) : Exception($"{failed} match alert(s) were not accepted by the email provider.");
