using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Email;

/// <summary>
/// The footer of every email to a person or a guardian: the link to manage consent and data, and the privacy notice.
/// Its HTML is a template; its plain text is <see cref="Text"/>.
/// </summary>
public sealed record PrivacyFooter(string ManageUrl, string NoticeUrl, PrivacyLinkHolder Holder)
{
    /// <summary>The footer of an email of this kind about this applicant, for the holder its rule names.</summary>
    public static PrivacyFooter For(EmailKind kind, PersonLinks links, PipelineOptions options, ApplicantEntity applicant)
    {
        var rule = EmailRules.For(kind);
        if (!rule.ManageConsentLink)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Emails of this kind carry no link to manage consent.");
        }

        return new PrivacyFooter(
            PrivacyLinks.ManageUrl(links, options.PublicBaseUrl, applicant, rule.FooterHolder),
            PrivacyLinks.NoticeUrl(options.PublicBaseUrl),
            rule.FooterHolder);
    }

    public string Text =>
        $"\n--\nManage your consent{(Holder == PrivacyLinkHolder.Person ? ", get a copy of your data or ask us to delete it" : " or withdraw it")}:\n"
        + $"{ManageUrl}\nHow we use your information: {NoticeUrl}\n";
}
