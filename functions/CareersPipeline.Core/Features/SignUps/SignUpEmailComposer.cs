using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>Writes the sign-up emails: the plain text here, the HTML by the templates from the same data.</summary>
public sealed class SignUpEmailComposer(SignedTokens tokens, IOptions<PipelineOptions> options, IEmailTemplates templates)
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
        const EmailKind kind = EmailKind.Confirmation;
        var route = Enum.Parse<JourneyRoute>(applicant.Route!);
        var model = new ConfirmationEmail(
            applicant.FirstName,
            options.Value.IcsName,
            Link("verify-email", TokenPurposes.VerifyEmail, applicant.PartitionKey, VerificationLinkLifetime),
            JourneyRouter.NextSteps(route),
            PrivacyFooter.For(kind, tokens, options.Value, applicant.PartitionKey));

        var text = $"Hello {model.FirstName},\n\nThank you for signing up to health and care careers in {model.IcsName}.\n\n"
            + $"Confirm your email address (the link works for 7 days):\n{model.VerifyUrl}\n\nYour next steps:\n"
            + string.Concat(model.NextSteps.Select(s => $"- {s}\n"))
            + "\nIf you did not sign up, ignore this email and we will not contact you again.\n"
            + model.Footer.Text;

        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), "Confirm your email: health and care careers", templates.Html(model), text, kind, applicant.PartitionKey);
    }

    private OutgoingEmail GuardianConsentRequest(ApplicantEntity applicant)
    {
        const EmailKind kind = EmailKind.GuardianConsentRequest;
        var model = new GuardianConsentRequestEmail(
            applicant.FirstName,
            options.Value.IcsName,
            Link("guardian-consent", TokenPurposes.GuardianConsent, applicant.PartitionKey, GuardianLinkLifetime),
            PrivacyFooter.For(kind, tokens, options.Value, applicant.PartitionKey));

        var text = $"Hello,\n\n{model.ChildFirstName} has signed up to hear about health and care careers in {model.IcsName}. "
            + "Because they are under 16, we need a parent or guardian to agree before we do anything with their details.\n\n"
            + $"Review and give consent (the link works for 14 days):\n{model.ConsentUrl}\n\n"
            + $"If you do not agree, ignore this email: we will not contact {model.ChildFirstName} and will delete their details.\n"
            + model.Footer.Text;

        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), "Your consent is needed: health and care careers", templates.Html(model), text, kind, applicant.PartitionKey);
    }

    private string Link(string action, string purpose, string applicantId, TimeSpan lifetime) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/signups/{action}?token={Uri.EscapeDataString(tokens.Create(purpose, applicantId, lifetime))}";
}
