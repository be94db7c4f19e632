namespace CareersPipeline.Core.Features.SignUps;

/// <summary>Token purposes of the sign-up emails' links (signed with <see cref="SignedTokens"/>, subject = applicant id).</summary>
public static class TokenPurposes
{
    public const string VerifyEmail = "verify-email";
    public const string GuardianConsent = "guardian-consent";
}
