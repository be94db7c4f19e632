using CareersPipeline.Core.Email;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.People;

/// <summary>
/// Decides, at the moment of use, whether consent allows processing for a purpose: the mailer asks before every email
/// to a person, and other features (matching, campaigns) ask before they act. Consent is read from the Consents table
/// each time, so a withdrawal takes effect at once.
/// </summary>
public sealed partial class ConsentGate(ConsentLedger consents, TimeProvider time, ILogger<ConsentGate> logger)
{
    public async Task<bool> MaySendAsync(ApplicantEntity applicant, EmailKind kind, CancellationToken cancellationToken)
    {
        // The guardian's consent is recorded in the ledger at the first email after it was given (the confirmation).
        await consents.EnsureGuardianConsentRecordedAsync(applicant, cancellationToken);

        var emailClass = EmailClassification.For(kind);
        if (EmailClassification.RequiredConsent(emailClass) is not { } purpose)
        {
            return true;
        }

        var decision = await DecideAsync(applicant, purpose, cancellationToken);
        if (decision != ConsentDecision.Allowed)
        {
            LogRefused(logger, applicant.PartitionKey, kind, decision);
        }

        return decision == ConsentDecision.Allowed;
    }

    /// <summary>Whether <paramref name="purpose"/> may be acted on for this applicant today.</summary>
    public async Task<ConsentDecision> DecideAsync(ApplicantEntity applicant, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var child = ChildrenPolicy.IsChild(applicant.DateOfBirthValue(), today);
        if (purpose == ConsentPurpose.Marketing && child)
        {
            return ConsentDecision.UnderAge;
        }

        var held = await consents.CurrentAsync(applicant, cancellationToken);
        if (child && !(held.TryGetValue(ConsentPurpose.GuardianConsent, out var guardian) && guardian.Granted))
        {
            return ConsentDecision.NoGuardianConsent;
        }

        return held.TryGetValue(purpose, out var consent)
            ? consent.Granted ? ConsentDecision.Allowed : ConsentDecision.Withdrawn
            : ConsentDecision.NotGiven;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for applicant {ApplicantId} not sent: {Decision}")]
    private static partial void LogRefused(ILogger logger, string applicantId, EmailKind kind, ConsentDecision decision);
}
