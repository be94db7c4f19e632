using CareersPipeline.Core.Features.Notifications;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Who may get match emails, and sending them in batches. A match email goes only to a verified address, and only
/// with the consent its class needs at the moment of sending (<see cref="ConsentGate"/>: the person's Contact
/// consent, and for an under-16 their guardian's too).
/// </summary>
public sealed partial class MatchMailer(IEmailSender sender, ConsentGate consentGate, ILogger<MatchMailer> logger)
{
    public async Task<bool> MayEmailAsync(ApplicantEntity applicant, EmailKind kind, CancellationToken cancellationToken)
    {
        if (applicant.EmailVerifiedAt is null)
        {
            LogNotVerified(logger, applicant.PartitionKey, kind);
            return false;
        }

        return await consentGate.MaySendAsync(applicant, kind, cancellationToken);
    }

    /// <summary>
    /// Sends in batches of up to 1,000, calling <paramref name="sent"/> with each batch's items as soon as that batch is
    /// accepted, so what went out is recorded even when a later batch fails. A failed batch is logged and the rest still
    /// go; the result says how many of each.
    /// </summary>
    public async Task<BatchSendResult> SendAsync<T>(EmailKind kind, IReadOnlyList<(BatchRecipient Recipient, T Item)> emails, Func<IReadOnlyList<T>, Task> sent, CancellationToken cancellationToken)
    {
        var items = new Dictionary<BatchRecipient, T>(ReferenceEqualityComparer.Instance);
        foreach (var (recipient, item) in emails)
        {
            items[recipient] = item;
        }

        int accepted = 0, failed = 0;
        foreach (var batch in EmailBatch.Of(kind, MatchEmails.HtmlTemplate, MatchEmails.TextTemplate, emails.Select(e => e.Recipient)))
        {
            try
            {
                await sender.SendBatchAsync(batch, cancellationToken);
            }
            catch (EmailNotAcceptedException e)
            {
                LogBatchFailed(logger, kind, batch.Recipients.Count, e.StatusCode);
                failed += batch.Recipients.Count;
                continue;
            }

            accepted += batch.Recipients.Count;
            await sent([.. batch.Recipients.Select(r => items[r])]);
            LogBatchSent(logger, kind, batch.Recipients.Count);
        }

        return new BatchSendResult(accepted, failed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No {Kind} for applicant {ApplicantId}: the email address is not verified")]
    private static partial void LogNotVerified(ILogger logger, string applicantId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind}: a batch of {Count} handed over")]
    private static partial void LogBatchSent(ILogger logger, EmailKind kind, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind}: a batch of {Count} was not accepted (HTTP {Status}); those people get it next time")]
    private static partial void LogBatchFailed(ILogger logger, EmailKind kind, int count, int status);
}

/// <summary>How many recipients' emails were accepted, and how many were in batches that failed.</summary>
public sealed record BatchSendResult(int Sent, int Failed)
{
    public static BatchSendResult None { get; } = new(0, 0);

    public BatchSendResult Plus(BatchSendResult other) => new(Sent + other.Sent, Failed + other.Failed);
}
