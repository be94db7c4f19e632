using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>The actions behind the links in sign-up emails: verify an email address, give guardian consent.</summary>
public sealed partial class SignUpLinks(
    SignedTokens tokens,
    ApplicantStore applicants,
    QueueSender queue,
    ConsentLedger consents,
    MatchRequests matching,
    TimeProvider time,
    ILogger<SignUpLinks> logger)
{
    /// <summary>Who the guardian link is about, for the page that asks for consent; null when the link is not usable.</summary>
    public async Task<(LinkResult Result, string? ChildFirstName)> DescribeGuardianRequestAsync(string? token, CancellationToken cancellationToken)
    {
        var (result, applicant) = await ResolveAsync(TokenPurposes.GuardianConsent, token, cancellationToken);
        return (result, result == LinkResult.Done ? applicant!.FirstName : null);
    }

    public async Task<LinkResult> VerifyEmailAsync(string? token, CancellationToken cancellationToken)
    {
        var (result, applicant) = await ResolveAsync(TokenPurposes.VerifyEmail, token, cancellationToken);
        if (result != LinkResult.Done)
        {
            return result;
        }

        var changed = false;
        await applicants.ChangeAsync(applicant!.PartitionKey, a =>
        {
            changed = a.EmailVerifiedAt is null;
            a.EmailVerifiedAt ??= time.GetUtcNow();
            return changed;
        }, cancellationToken);
        LogVerified(logger, applicant.PartitionKey);
        if (changed)
        {
            // Match emails wait for a verified address: strong matches found before it can be emailed now.
            await matching.PersonAsync(applicant.PartitionKey, cancellationToken);
        }

        return changed ? LinkResult.Done : LinkResult.AlreadyDone;
    }

    public async Task<LinkResult> GiveGuardianConsentAsync(string? token, CancellationToken cancellationToken)
    {
        var (result, applicant) = await ResolveAsync(TokenPurposes.GuardianConsent, token, cancellationToken);
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

        // Recorded in the consent ledger at the moment it is given, with the page's wording version.
        await consents.EnsureGuardianConsentRecordedAsync(updated!, cancellationToken);

        await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(applicant.PartitionKey), cancellationToken);
        LogGuardianConsent(logger, applicant.PartitionKey);
        return LinkResult.Done;
    }

    private async Task<(LinkResult, ApplicantEntity?)> ResolveAsync(string purpose, string? token, CancellationToken cancellationToken)
    {
        var check = tokens.Read(purpose, token);
        if (check.State == TokenState.Invalid)
        {
            return (LinkResult.Invalid, null);
        }

        if (check.State == TokenState.Expired)
        {
            return (LinkResult.Expired, null);
        }

        var applicant = await applicants.FindAsync(check.Subject!, cancellationToken);
        return applicant is null ? (LinkResult.NotFound, null) : (LinkResult.Done, applicant);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email verified for applicant {ApplicantId}")]
    private static partial void LogVerified(ILogger logger, string applicantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Guardian consent given for applicant {ApplicantId}")]
    private static partial void LogGuardianConsent(ILogger logger, string applicantId);
}
