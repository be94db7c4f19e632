using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Notifications;

/// <summary>Email queue handler: composes the email for an applicant and hands it to the sender, once.</summary>
public sealed partial class EmailDispatcher(
    ApplicantStore applicants,
    EmailComposer composer,
    IEmailSender sender,
    TimeProvider time,
    ILogger<EmailDispatcher> logger,
    ConsentGate? consentGate = null)
{
    public async Task HandleAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var applicant = await applicants.FindAsync(message.ApplicantId, cancellationToken);
        if (applicant is null)
        {
            // Erased or never stored: there is nobody to write to.
            LogMissing(logger, message.ApplicantId, message.Kind);
            return;
        }

        // Consent is checked at send time: a withdrawal stops any non-transactional email still queued.
        if (!await ConsentGate.AllowsAsync(consentGate, applicant, message.Kind, cancellationToken))
        {
            return;
        }

        if (SentAt(applicant, message.Kind) is not null)
        {
            LogAlreadySent(logger, message.ApplicantId, message.Kind);
            return;
        }

        await sender.SendAsync(composer.Compose(applicant, message.Kind), cancellationToken);

        await applicants.ChangeAsync(message.ApplicantId, a =>
        {
            if (SentAt(a, message.Kind) is not null)
            {
                return false;
            }

            var now = time.GetUtcNow();
            if (message.Kind == EmailKind.Confirmation)
            {
                a.ConfirmationSentAt = now;
            }
            else
            {
                a.GuardianRequestSentAt = now;
            }

            return true;
        }, cancellationToken);
        LogSent(logger, message.ApplicantId, message.Kind);
    }

    private static DateTimeOffset? SentAt(ApplicantEntity applicant, EmailKind kind) =>
        kind == EmailKind.Confirmation ? applicant.ConfirmationSentAt : applicant.GuardianRequestSentAt;

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} handed over for applicant {ApplicantId}")]
    private static partial void LogSent(ILogger logger, string applicantId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for applicant {ApplicantId} was already sent; skipped")]
    private static partial void LogAlreadySent(ILogger logger, string applicantId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Kind} for unknown applicant {ApplicantId} dropped")]
    private static partial void LogMissing(ILogger logger, string applicantId, EmailKind kind);
}
