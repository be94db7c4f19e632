using System.Net;
using System.Text;

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

/// <summary>Builds the privacy links and the footer every email carries.</summary>
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

    /// <summary>The footer of every email: how we use their information, and the link to manage consent and data.</summary>
    public static string FooterHtml(SignedTokens tokens, PipelineOptions options, string applicantId, PrivacyLinkHolder holder) =>
        new StringBuilder()
            .Append("<hr><p><a href=\"").Append(WebUtility.HtmlEncode(ManageUrl(tokens, options.PublicBaseUrl, applicantId, holder))).Append("\">Manage your consent</a>")
            .Append(holder == PrivacyLinkHolder.Person ? ": stop emails, get a copy of your data or ask us to delete it." : ": withdraw your consent and have the details deleted.")
            .Append(" <a href=\"").Append(WebUtility.HtmlEncode(NoticeUrl(options.PublicBaseUrl))).Append("\">How we use your information</a>.</p>")
            .ToString();

    public static string FooterText(SignedTokens tokens, PipelineOptions options, string applicantId, PrivacyLinkHolder holder) =>
        $"\n--\nManage your consent{(holder == PrivacyLinkHolder.Person ? ", get a copy of your data or ask us to delete it" : " or withdraw it")}:\n"
        + $"{ManageUrl(tokens, options.PublicBaseUrl, applicantId, holder)}\nHow we use your information: {NoticeUrl(options.PublicBaseUrl)}\n";

    private static string Api(string publicBaseUrl) => publicBaseUrl.TrimEnd('/') + "/api";

    private static string Token(SignedTokens tokens, string purpose, string applicantId, TimeSpan lifetime) =>
        Uri.EscapeDataString(tokens.Create(purpose, applicantId, lifetime));
}
