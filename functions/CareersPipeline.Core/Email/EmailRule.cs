using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Email;

/// <summary>What applies to every email of one kind.</summary>
/// <param name="Class">How it is gated at send time: the consent it needs (<see cref="EmailClassification"/>).</param>
/// <param name="Recipient">Who it goes to, and whether the address must be verified first.</param>
/// <param name="ManageConsentLink">Whether it ends with the privacy footer and its link to manage consent.</param>
public sealed record EmailRule(EmailClass Class, EmailRecipient Recipient, bool ManageConsentLink)
{
    /// <summary>The address an email about this person goes to: theirs, or their guardian's.</summary>
    public string AddressOf(ApplicantEntity applicant) => Recipient switch
    {
        EmailRecipient.AddressToVerify or EmailRecipient.VerifiedAddress => applicant.Email,
        EmailRecipient.Guardian => applicant.GuardianEmail ?? throw new InvalidOperationException("The applicant has no guardian address."),
        _ => throw new InvalidOperationException($"A {Recipient} email does not go to an applicant."),
    };

    /// <summary>Who holds the link to manage consent in the footer: the guardian for a guardian's email, else the person.</summary>
    public PrivacyLinkHolder FooterHolder => Recipient == EmailRecipient.Guardian ? PrivacyLinkHolder.Guardian : PrivacyLinkHolder.Person;
}
