using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Daily (CLOSING_REMINDER_SCHEDULE): reminds people of what they saved, a week before it closes and two days before.
/// Each reminder is sent once; someone who saves something with two days left gets only the second.
/// </summary>
public sealed partial class ClosingReminderJob(
    CandidateIndexCache candidates,
    MatchStore store,
    ApplicantStore applicants,
    Mailer mailer,
    MatchEmails emails,
    TimeProvider time,
    ILogger<ClosingReminderJob> logger)
{
    public const int WeekBefore = 7;
    public const int DaysBefore = 2;

    public async Task<BatchSendResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var index = await candidates.GetAsync(cancellationToken);
        var result = BatchSendResult.None;
        foreach (var candidate in index.Candidates.Where(c => c.OpenUntil >= today && c.OpenUntil.DayNumber - today.DayNumber <= WeekBefore))
        {
            var daysLeft = candidate.OpenUntil.DayNumber - today.DayNumber;
            var saved = new Match(candidate.Id, candidate.Kind, candidate.Title, candidate.OrganisationName, candidate.CareerFamily, 0, default, null, candidate.OpenUntil, "You saved it");
            var due = new List<(BatchRecipient, MatchSaveEntity)>();
            await foreach (var save in store.SavesOfAsync(candidate.Id, cancellationToken))
            {
                var owed = daysLeft <= DaysBefore ? save.ReminderDaysAt is null : save.ReminderWeekAt is null;
                if (owed
                    && await applicants.FindAsync(save.ApplicantId, cancellationToken) is { } applicant
                    && await mailer.MayEmailAsync(applicant, EmailKind.ClosingReminder, cancellationToken))
                {
                    due.Add((emails.Reminder(applicant, saved, daysLeft, today), save));
                }
            }

            if (due.Count > 0)
            {
                result = result.Plus(await mailer.SendAsync(emails.Template(EmailKind.ClosingReminder), due, sent => RecordAsync(sent, daysLeft, now, cancellationToken), cancellationToken));
            }
        }

        LogRun(logger, result.Sent, result.Failed);
        return result;
    }

    private async Task RecordAsync(IReadOnlyList<MatchSaveEntity> sent, int daysLeft, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var save in sent)
        {
            // The two-day reminder also stands for the weekly one, so a late save never gets an out-of-order week's one.
            if (daysLeft <= DaysBefore)
            {
                save.ReminderDaysAt = now;
            }

            save.ReminderWeekAt ??= now;
            await store.TryUpdateSaveAsync(save, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing reminders: {Sent} sent, {Failed} in batches that failed")]
    private static partial void LogRun(ILogger logger, int sent, int failed);
}
