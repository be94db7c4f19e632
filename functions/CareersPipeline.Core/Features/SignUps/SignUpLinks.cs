using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>The actions behind the links in sign-up emails: verify an email address, give guardian consent.</summary>
public sealed partial class SignUpLinks(
    PersonLinks links,
    ApplicantStore applicants,
    QueueSender queue,
    ConsentLedger consents,
    SignUpVerification verification,
    TimeProvider time,
    ILogger<SignUpLinks> logger)
{
    /// <summary>Whether the guardian link can be used, for the page that asks for consent.</summary>
    public async Task<LinkResult> CheckGuardianRequestAsync(string? token, CancellationToken cancellationToken) =>
        (await links.ResolveAsync(TokenPurposes.GuardianConsent, token, cancellationToken)).Result;

    public async Task<LinkResult> VerifyEmailAsync(string? token, CancellationToken cancellationToken)
    {
        var (result, applicant) = await links.ResolveAsync(TokenPurposes.VerifyEmail, token, cancellationToken);
        if (result != LinkResult.Done)
        {
            return result;
        }

        if (applicant!.EmailVerifiedAt is not null)
        {
            return LinkResult.AlreadyDone;
        }

        await verification.VerifyAsync(applicant, cancellationToken);
        return LinkResult.Done;
    }

    public async Task<LinkResult> GiveGuardianConsentAsync(string? token, CancellationToken cancellationToken)
    {
        var (result, applicant) = await links.ResolveAsync(TokenPurposes.GuardianConsent, token, cancellationToken);
        if (result != LinkResult.Done)
        {
            return result;
        }

        var changed = false;
        var updated = await applicants.ChangeAsync(applicant!.PartitionKey, a =>
        {
            changed = a.GuardianConsentedAt is null;
            if (changed)
            {
                a.GuardianConsentedAt = time.GetUtcNow();
                a.Status = nameof(ApplicantStatus.Received);
            }

            return changed;
        }, cancellationToken);

        if (!changed)
        {
            return LinkResult.AlreadyDone;
        }

        // Recorded in the consent ledger at the moment it is given, with the page's wording version, for this sign-up only.
        await consents.EnsureGuardianConsentRecordedAsync(updated!, cancellationToken);

        await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(applicant.PartitionKey), cancellationToken);
        LogGuardianConsent(logger, applicant.PartitionKey);
        return LinkResult.Done;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardian consent given for applicant {ApplicantId}")]
    private static partial void LogGuardianConsent(ILogger logger, string applicantId);
}
