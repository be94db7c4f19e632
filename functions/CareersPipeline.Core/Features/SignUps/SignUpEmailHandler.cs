using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// Email queue handler: the sign-up emails (confirmation, guardian's consent request), each sent once per applicant
/// through the <see cref="Mailer"/>, and recorded as sent on the applicant.
/// </summary>
public sealed partial class SignUpEmailHandler(
    ApplicantStore applicants,
    PersonDirectory directory,
    SignUpEmailComposer composer,
    Mailer mailer,
    TimeProvider time,
    ILogger<SignUpEmailHandler> logger)
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
        if (!await mailer.MayEmailAsync(applicant, message.Kind, cancellationToken))
        {
            return;
        }

        if (SentAt(applicant, message.Kind) is not null)
        {
            LogAlreadySent(logger, message.ApplicantId, message.Kind);
            return;
        }

        var addressKnown = message.Kind == EmailKind.Confirmation && applicant.EmailVerifiedAt is null
            && await directory.FindPersonKeyAsync(applicant.Email, cancellationToken) is not null;
        await mailer.SendAsync(composer.Compose(applicant, message.Kind, addressKnown), cancellationToken);

        await applicants.ChangeAsync(message.ApplicantId, a =>
        {
            if (SentAt(a, message.Kind) is not null)
            {
                return false;
            }

            MarkSent(a, message.Kind, time.GetUtcNow());
            return true;
        }, cancellationToken);
        LogSent(logger, message.ApplicantId, message.Kind);
    }

    /// <summary>When this sign-up email was sent to the applicant; only the two sign-up kinds have a record here.</summary>
    private static DateTimeOffset? SentAt(ApplicantEntity applicant, EmailKind kind) => kind switch
    {
        EmailKind.Confirmation => applicant.ConfirmationSentAt,
        EmailKind.GuardianConsentRequest => applicant.GuardianRequestSentAt,

        // Sent each time it is asked for (the site's form limits how often).
        EmailKind.LinksRequested => null,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a sign-up email."),
    };

    private static void MarkSent(ApplicantEntity applicant, EmailKind kind, DateTimeOffset at)
    {
        switch (kind)
        {
            case EmailKind.Confirmation:
                applicant.ConfirmationSentAt = at;
                break;
            case EmailKind.GuardianConsentRequest:
                applicant.GuardianRequestSentAt = at;
                break;
            case EmailKind.LinksRequested:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a sign-up email.");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} handed over for applicant {ApplicantId}")]
    private static partial void LogSent(ILogger logger, string applicantId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for applicant {ApplicantId} was already sent; skipped")]
    private static partial void LogAlreadySent(ILogger logger, string applicantId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Kind} for unknown applicant {ApplicantId} dropped")]
    private static partial void LogMissing(ILogger logger, string applicantId, EmailKind kind);
}
