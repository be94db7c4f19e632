using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The weekly digest (MATCH_DIGEST_SCHEDULE): to everyone who may get match emails, their matches not yet emailed
/// about, closing-soon first, sent in batches of up to 1,000. Safe to run again: a person digested in the last six
/// days is skipped, and every match in a digest is recorded as emailed.
/// </summary>
public sealed partial class MatchDigestJob(
    MatchStore store,
    ApplicantStore applicants,
    Mailer mailer,
    MatchEmails emails,
    MatchAlerts alerts,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<MatchDigestJob> logger)
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromDays(6);

    public async Task<BatchSendResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var result = BatchSendResult.None;
        var due = new List<(BatchRecipient, (string PersonKey, IReadOnlyList<Match> Matches))>();
        await foreach (var record in store.AllRecordsAsync(cancellationToken))
        {
            if (record.LastDigestAt > now - MinimumGap)
            {
                continue;
            }

            var notified = record.NotifiedIds();
            var fresh = record.Matches().Where(m => m.ClosesOn >= today && !notified.Contains(m.CandidateId)).Take(options.Value.DigestSize).ToList();
            if (fresh.Count == 0
                || await applicants.FindAsync(record.ApplicantId, cancellationToken) is not { } applicant
                || MatchProfiles.PersonKeyOf(applicant) != record.PartitionKey // left under a key the person no longer has (matched while verification merged them)
                || !await mailer.MayEmailAsync(applicant, EmailKind.MatchDigest, cancellationToken))
            {
                continue;
            }

            var recipient = emails.Digest(applicant, fresh, today);
            due.Add((recipient, (record.PartitionKey, fresh)));

            // Send as each batch fills, so a run over everyone holds one batch in memory, not all of them.
            if (due.Count == EmailBatch.MaxRecipients)
            {
                result = result.Plus(await SendAsync(due, cancellationToken));
                due.Clear();
            }
        }

        if (due.Count > 0)
        {
            result = result.Plus(await SendAsync(due, cancellationToken));
        }

        LogRun(logger, result.Sent, result.Failed);
        return result;
    }

    private Task<BatchSendResult> SendAsync(List<(BatchRecipient, (string PersonKey, IReadOnlyList<Match> Matches))> due, CancellationToken cancellationToken) =>
        mailer.SendAsync(emails.Template(EmailKind.MatchDigest), [.. due], sent => alerts.NotifiedAsync(sent, alert: false, cancellationToken), cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Match digest: {Sent} sent, {Failed} in batches that failed")]
    private static partial void LogRun(ILogger logger, int sent, int failed);
}
