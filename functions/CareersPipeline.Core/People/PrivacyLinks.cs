namespace CareersPipeline.Core.People;

/// <summary>Token purposes of the privacy links (signed with <see cref="SignedTokens"/>, subject = applicant id).</summary>
public static class PrivacyTokenPurposes
{
    /// <summary>The person's own link, in every email to them: consents, copy of their data, erasure, equality questions.</summary>
    public const string Manage = "privacy";

    /// <summary>A guardian's link, in every email to a guardian: only withdrawing their consent (which erases the child's details).</summary>
    public const string GuardianManage = "privacy-guardian";

    /// <summary>The equality monitoring form for one applicant.</summary>
    public const string Equality = "equality";
}

/// <summary>Who a privacy link was sent to.</summary>
public enum PrivacyLinkHolder
{
    Person,
    Guardian,
}

/// <summary>Builds the privacy links; every email to a person carries them in its <see cref="Email.PrivacyFooter"/>.</summary>
public static class PrivacyLinks
{
    /// <summary>Long enough to outlive the data it manages (24 months after the last activity by default).</summary>
    public static readonly TimeSpan ManageLinkLifetime = TimeSpan.FromDays(800);

    public static readonly TimeSpan EqualityLinkLifetime = TimeSpan.FromDays(30);

    public static string ManageUrl(SignedTokens tokens, string publicBaseUrl, string applicantId, PrivacyLinkHolder holder) =>
        $"{Api(publicBaseUrl)}/privacy/manage?token={Token(tokens, holder == PrivacyLinkHolder.Guardian ? PrivacyTokenPurposes.GuardianManage : PrivacyTokenPurposes.Manage, applicantId, ManageLinkLifetime)}";

    public static string EqualityUrl(SignedTokens tokens, string publicBaseUrl, string applicantId) =>
        $"{Api(publicBaseUrl)}/signups/{applicantId}/equality?token={Token(tokens, PrivacyTokenPurposes.Equality, applicantId, EqualityLinkLifetime)}";

    public static string NoticeUrl(string publicBaseUrl) => $"{Api(publicBaseUrl)}/privacy/notice";

    private static string Api(string publicBaseUrl) => publicBaseUrl.TrimEnd('/') + "/api";

    private static string Token(SignedTokens tokens, string purpose, string applicantId, TimeSpan lifetime) =>
        Uri.EscapeDataString(tokens.Create(purpose, applicantId, lifetime));
}
