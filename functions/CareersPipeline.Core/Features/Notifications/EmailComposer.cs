using System.Net;
using System.Text;
using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Notifications;

/// <summary>Writes the pipeline's emails as HTML and plain text. Everything from the person is HTML-encoded.</summary>
public sealed class EmailComposer(SignedTokens tokens, IOptions<PipelineOptions> options)
{
    public static readonly TimeSpan VerificationLinkLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan GuardianLinkLifetime = TimeSpan.FromDays(14);

    public OutgoingEmail Compose(ApplicantEntity applicant, EmailKind kind) => kind switch
    {
        EmailKind.Confirmation => Confirmation(applicant),
        EmailKind.GuardianConsentRequest => GuardianConsentRequest(applicant),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private OutgoingEmail Confirmation(ApplicantEntity applicant)
    {
        var route = Enum.Parse<JourneyRoute>(applicant.Route!);
        var link = Link("verify-email", TokenPurposes.VerifyEmail, applicant.PartitionKey, VerificationLinkLifetime);
        var steps = JourneyRouter.NextSteps(route);
        var ics = options.Value.IcsName;

        var html = new StringBuilder()
            .Append("<p>Hello ").Append(Encode(applicant.FirstName)).Append(",</p>")
            .Append("<p>Thank you for signing up to health and care careers in ").Append(Encode(ics)).Append(".</p>")
            .Append("<p><a href=\"").Append(Encode(link)).Append("\">Confirm your email address</a> so we can send you opportunities. The link works for 7 days.</p>")
            .Append("<h2>Your next steps</h2><ul>");
        foreach (var step in steps)
        {
            html.Append("<li>").Append(Encode(step)).Append("</li>");
        }

        html.Append("</ul><p>If you did not sign up, ignore this email and we will not contact you again.</p>");
        html.Append(PrivacyLinks.FooterHtml(tokens, options.Value, applicant.PartitionKey, PrivacyLinkHolder.Person));

        var text = $"Hello {applicant.FirstName},\n\nThank you for signing up to health and care careers in {ics}.\n\n"
            + $"Confirm your email address (the link works for 7 days):\n{link}\n\nYour next steps:\n"
            + string.Concat(steps.Select(s => $"- {s}\n"))
            + "\nIf you did not sign up, ignore this email and we will not contact you again.\n"
            + PrivacyLinks.FooterText(tokens, options.Value, applicant.PartitionKey, PrivacyLinkHolder.Person);

        return new OutgoingEmail(applicant.Email, "Confirm your email: health and care careers", html.ToString(), text, EmailKind.Confirmation, applicant.PartitionKey);
    }

    private OutgoingEmail GuardianConsentRequest(ApplicantEntity applicant)
    {
        var link = Link("guardian-consent", TokenPurposes.GuardianConsent, applicant.PartitionKey, GuardianLinkLifetime);
        var ics = options.Value.IcsName;
        var html = new StringBuilder()
            .Append("<p>Hello,</p>")
            .Append("<p>").Append(Encode(applicant.FirstName)).Append(" has signed up to hear about health and care careers in ")
            .Append(Encode(ics)).Append(". Because they are under 16, we need a parent or guardian to agree before we do anything with their details.</p>")
            .Append("<p><a href=\"").Append(Encode(link)).Append("\">Review and give consent</a>. The link works for 14 days.</p>")
            .Append("<p>If you do not agree, ignore this email: we will not contact ").Append(Encode(applicant.FirstName))
            .Append(" and will delete their details.</p>")
            .Append(PrivacyLinks.FooterHtml(tokens, options.Value, applicant.PartitionKey, PrivacyLinkHolder.Guardian))
            .ToString();
        var text = $"Hello,\n\n{applicant.FirstName} has signed up to hear about health and care careers in {ics}. "
            + "Because they are under 16, we need a parent or guardian to agree before we do anything with their details.\n\n"
            + $"Review and give consent (the link works for 14 days):\n{link}\n\n"
            + $"If you do not agree, ignore this email: we will not contact {applicant.FirstName} and will delete their details.\n"
            + PrivacyLinks.FooterText(tokens, options.Value, applicant.PartitionKey, PrivacyLinkHolder.Guardian);

        return new OutgoingEmail(applicant.GuardianEmail!, "Your consent is needed: health and care careers", html, text, EmailKind.GuardianConsentRequest, applicant.PartitionKey);
    }

    private string Link(string action, string purpose, string applicantId, TimeSpan lifetime) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/signups/{action}?token={Uri.EscapeDataString(tokens.Create(purpose, applicantId, lifetime))}";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

public static class TokenPurposes
{
    public const string VerifyEmail = "verify-email";
    public const string GuardianConsent = "guardian-consent";
}
