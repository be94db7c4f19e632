using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Email;

/// <summary>
/// The one way email goes out, whatever its kind. An email to a person goes only where its <see cref="EmailRules"/>
/// allow (a verified address when the rule asks for one) and only with the consent its class needs at the moment of
/// sending (<see cref="ConsentGate"/>: the person's, and for an under-16 their guardian's too); then it is handed to the
/// <see cref="IEmailSender"/>, SendGrid or the local outbox, one email at a time or in batches of up to 1,000.
/// </summary>
public sealed partial class Mailer(IEmailSender sender, ConsentGate consentGate, SentEmailLog sentLog, TimeProvider time, ILogger<Mailer> logger)
{
    /// <summary>
    /// Whether an email of this kind about this applicant may be sent now. A kind without rules is refused unless
    /// consent allows it as marketing, the strictest class (<see cref="EmailClassification"/>); no composer writes one.
    /// </summary>
    public async Task<bool> MayEmailAsync(ApplicantEntity applicant, EmailKind kind, CancellationToken cancellationToken)
    {
        if (EmailRules.All.TryGetValue(kind, out var rule) && rule.Recipient == EmailRecipient.VerifiedAddress && applicant.EmailVerifiedAt is null)
        {
            LogNotVerified(logger, applicant.PartitionKey, kind);
            return false;
        }

        return await consentGate.MaySendAsync(applicant, kind, cancellationToken);
    }

    /// <summary>Hands one email to the sender; throws when it was not accepted, so a queue retries.</summary>
    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        _ = EmailRules.For(email.Kind); // a kind without rules never goes out
        return sender.SendAsync(email, cancellationToken);
    }

    /// <summary>
    /// Hands one email to the sender unless the email with this <paramref name="messageKey"/> (the message and its
    /// recipient) was handed over before; false when it had been. For a queue message that emails several people: a retry
    /// after one of them failed reaches only those who did not get it.
    /// </summary>
    public async Task<bool> SendOnceAsync(OutgoingEmail email, string messageKey, CancellationToken cancellationToken)
    {
        if (await sentLog.WasSentAsync(messageKey, cancellationToken))
        {
            return false;
        }

        await SendAsync(email, cancellationToken);
        await sentLog.RecordAsync(messageKey, email.Kind, time.GetUtcNow(), cancellationToken);
        return true;
    }

    /// <summary>
    /// Sends in batches of up to 1,000, calling <paramref name="sent"/> with each batch's items as soon as that batch is
    /// accepted, so what went out is recorded even when a later batch fails. A failed batch is logged and the rest still
    /// go; the result says how many of each.
    /// </summary>
    public async Task<BatchSendResult> SendAsync<T>(EmailTemplate template, IReadOnlyList<(BatchRecipient Recipient, T Item)> emails, Func<IReadOnlyList<T>, Task> sent, CancellationToken cancellationToken)
    {
        var items = new Dictionary<BatchRecipient, T>(ReferenceEqualityComparer.Instance);
        foreach (var (recipient, item) in emails)
        {
            items[recipient] = item;
        }

        var kind = template.Kind;
        _ = EmailRules.For(kind); // a kind without rules never goes out
        int accepted = 0, failed = 0;
        foreach (var batch in EmailBatch.Of(kind, template.Html, template.Text, emails.Select(e => e.Recipient)))
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
