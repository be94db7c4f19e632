namespace CareersPipeline.Core.People;

/// <summary>Token purposes of the privacy links (made and read by <see cref="PersonLinks"/>).</summary>
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
    /// <summary>
    /// Weeks, not years: the link opens a copy of the person's data and erasure, so a forgotten email must not hold
    /// that for long. Every email carries a fresh one, and the site's "send me my links" form sends one on request.
    /// </summary>
    public static readonly TimeSpan ManageLinkLifetime = TimeSpan.FromDays(28);

    public static readonly TimeSpan EqualityLinkLifetime = TimeSpan.FromDays(30);

    public static string ManageUrl(PersonLinks links, string publicBaseUrl, ApplicantEntity applicant, PrivacyLinkHolder holder) =>
        $"{Api(publicBaseUrl)}/privacy/manage?{links.Query(holder == PrivacyLinkHolder.Guardian ? PrivacyTokenPurposes.GuardianManage : PrivacyTokenPurposes.Manage, applicant, ManageLinkLifetime)}";

    public static string EqualityUrl(PersonLinks links, string publicBaseUrl, ApplicantEntity applicant) =>
        $"{Api(publicBaseUrl)}/signups/{applicant.PartitionKey}/equality?{links.Query(PrivacyTokenPurposes.Equality, applicant, EqualityLinkLifetime)}";

    public static string NoticeUrl(string publicBaseUrl) => $"{Api(publicBaseUrl)}/privacy/notice";

    private static string Api(string publicBaseUrl) => publicBaseUrl.TrimEnd('/') + "/api";
}
