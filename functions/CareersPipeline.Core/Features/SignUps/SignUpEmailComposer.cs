using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>Writes the sign-up emails: the plain text here, the HTML by the templates from the same data.</summary>
public sealed class SignUpEmailComposer(PersonLinks links, IOptions<PipelineOptions> options, IEmailTemplates templates)
{
    public static readonly TimeSpan VerificationLinkLifetime = TimeSpan.FromDays(7);
    public static readonly TimeSpan GuardianLinkLifetime = TimeSpan.FromDays(14);

    /// <param name="applicant">Who the email is about.</param>
    /// <param name="kind">Which sign-up email.</param>
    /// <param name="addressKnown">
    /// The address already belongs to a verified person: the confirmation then asks to confirm these answers, which replace
    /// or add to what is held, instead of welcoming a newcomer.
    /// </param>
    public OutgoingEmail Compose(ApplicantEntity applicant, EmailKind kind, bool addressKnown = false) => kind switch
    {
        EmailKind.Confirmation => Confirmation(applicant, addressKnown),
        EmailKind.GuardianConsentRequest => GuardianConsentRequest(applicant),
        EmailKind.LinksRequested => LinksRequested(applicant),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private OutgoingEmail Confirmation(ApplicantEntity applicant, bool addressKnown)
    {
        const EmailKind kind = EmailKind.Confirmation;
        var route = Enum.Parse<JourneyRoute>(applicant.Route!);
        var model = new ConfirmationEmail(
            addressKnown,
            options.Value.IcsName,
            Link("verify-email", TokenPurposes.VerifyEmail, applicant, VerificationLinkLifetime),
            JourneyRouter.NextSteps(route),
            PrivacyFooter.For(kind, links, options.Value, applicant));

        var text = model.AddressKnown
            ? $"Hello,\n\nSomeone, we hope you, signed up again to health and care careers in {model.IcsName} with this email address. "
                + "Nothing changes until you confirm.\n\n"
                + $"Confirm these answers (they replace the ones you gave before through the same form; the link works for 7 days):\n{model.VerifyUrl}\n\n"
                + "If this was not you, ignore this email: we keep what we hold now and will not use these answers.\n"
            : $"Hello,\n\nThank you for signing up to health and care careers in {model.IcsName}.\n\n"
                + $"Confirm your email address (the link works for 7 days):\n{model.VerifyUrl}\n\n"
                + "If you did not sign up, ignore this email and we will not contact you again.\n";
        text += "\nYour next steps:\n" + string.Concat(model.NextSteps.Select(s => $"- {s}\n")) + model.Footer.Text;

        var subject = model.AddressKnown ? "Confirm your new answers: health and care careers" : "Confirm your email: health and care careers";
        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), subject, templates.Html(model), text, kind, applicant.PartitionKey);
    }

    private OutgoingEmail GuardianConsentRequest(ApplicantEntity applicant)
    {
        const EmailKind kind = EmailKind.GuardianConsentRequest;
        var model = new GuardianConsentRequestEmail(
            options.Value.IcsName,
            Link("guardian-consent", TokenPurposes.GuardianConsent, applicant, GuardianLinkLifetime),
            PrivacyFooter.For(kind, links, options.Value, applicant));

        var text = "Hello,\n\nSomeone under 16 gave your email address as their parent's or guardian's when they signed up to hear about "
            + $"health and care careers in {model.IcsName}. "
            + "Because they are under 16, we need a parent or guardian to agree before we do anything with their details.\n\n"
            + $"Review and give consent (the link works for 14 days):\n{model.ConsentUrl}\n\n"
            + "If you do not agree, or do not know who this is, ignore this email: we will not contact them and will delete their details.\n"
            + model.Footer.Text;

        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), "Your consent is needed: health and care careers", templates.Html(model), text, kind, applicant.PartitionKey);
    }

    private OutgoingEmail LinksRequested(ApplicantEntity applicant)
    {
        const EmailKind kind = EmailKind.LinksRequested;
        var model = new LinksRequestedEmail(
            options.Value.IcsName,
            applicant.EmailVerifiedAt is null ? Link("verify-email", TokenPurposes.VerifyEmail, applicant, VerificationLinkLifetime) : null,
            PrivacyFooter.For(kind, links, options.Value, applicant));

        var text = $"Hello,\n\nSomeone, we hope you, asked for new links to your health and care careers sign-up in {model.IcsName}.\n\n"
            + (model.VerifyUrl is { } verify ? $"Confirm your email address (the link works for 7 days):\n{verify}\n\n" : string.Empty)
            + "The link below lets you manage your consent, get a copy of your data or ask us to delete it.\n"
            + "If you did not ask for this, ignore this email: nothing has changed.\n"
            + model.Footer.Text;

        return new OutgoingEmail(EmailRules.For(kind).AddressOf(applicant), "Your links: health and care careers", templates.Html(model), text, kind, applicant.PartitionKey);
    }

    private string Link(string action, string purpose, ApplicantEntity applicant, TimeSpan lifetime) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/signups/{action}?{links.Query(purpose, applicant, lifetime)}";
}
