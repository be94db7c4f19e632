using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Emails people about strong new matches straight away: at least MATCH_ALERT_MIN_SCORE, never emailed before, still
/// open; at most three in one email and one email in MATCH_ALERT_MIN_HOURS. What is not sent now (too soon after the
/// last alert, or a batch that failed) is still new, so the weekly digest carries it.
/// </summary>
public sealed class MatchAlerts(MatchStore store, ApplicantStore applicants, Mailer mailer, MatchEmails emails, IOptions<MatchingOptions> options, TimeProvider time)
{
    public const int MaxPerAlert = 3;

    public async Task<BatchSendResult> SendAsync(IReadOnlyList<MatchRecordEntity> records, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = new List<(BatchRecipient, (string PersonKey, IReadOnlyList<Match> Matches))>();
        foreach (var record in records)
        {
            var strong = StrongNew(record, options.Value.AlertMinScore, today);
            if (strong.Count == 0 || record.LastAlertAt > now.AddHours(-options.Value.AlertMinHours)
                || await applicants.FindAsync(record.ApplicantId, cancellationToken) is not { } applicant
                || MatchProfiles.PersonKeyOf(applicant) != record.PartitionKey // left under a key the person no longer has (matched while verification merged them)
                || !await mailer.MayEmailAsync(applicant, EmailKind.MatchAlert, cancellationToken))
            {
                continue;
            }

            due.Add((emails.Alert(applicant, strong, today), (record.PartitionKey, strong)));
        }

        return due.Count == 0
            ? BatchSendResult.None
            : await mailer.SendAsync(emails.Template(EmailKind.MatchAlert), due, sent => NotifiedAsync(sent, alert: true, cancellationToken), cancellationToken);
    }

    /// <summary>The strong matches of a record not yet emailed about, best first.</summary>
    public static IReadOnlyList<Match> StrongNew(MatchRecordEntity record, int minScore, DateOnly today)
    {
        var notified = record.NotifiedIds();
        return [.. record.Matches().Where(m => m.Score >= minScore && m.ClosesOn >= today && !notified.Contains(m.CandidateId)).Take(MaxPerAlert)];
    }

    /// <summary>Records that these people were emailed about these matches, so none is emailed about again.</summary>
    internal async Task NotifiedAsync(IReadOnlyList<(string PersonKey, IReadOnlyList<Match> Matches)> sent, bool alert, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var (personKey, matches) in sent)
        {
            await store.ChangeAsync(personKey, r =>
            {
                r.AddNotified(matches, today);
                if (alert)
                {
                    r.LastAlertAt = now;
                }
                else
                {
                    r.LastDigestAt = now;
                }

                return true;
            }, cancellationToken);
        }
    }
}
