namespace CareersPipeline.Core.Email;

/// <summary>
/// The rules of every <see cref="EmailKind"/>, one line each: the consent it needs, who it goes to, and whether it
/// carries the link to manage consent. Adding a kind is a line here and a template; a test fails until both exist.
/// </summary>
public static class EmailRules
{
    public static IReadOnlyDictionary<EmailKind, EmailRule> All { get; } = new Dictionary<EmailKind, EmailRule>
    {
        // About something the person just did (their sign-up, a guardian's consent request): always sent.
        [EmailKind.Confirmation] = new(EmailClass.Transactional, EmailRecipient.AddressToVerify, ManageConsentLink: true),
        [EmailKind.LinksRequested] = new(EmailClass.Transactional, EmailRecipient.AddressToVerify, ManageConsentLink: true),
        [EmailKind.GuardianConsentRequest] = new(EmailClass.Transactional, EmailRecipient.Guardian, ManageConsentLink: true),

        // To staff contacts of employers about their own levy transfers: service messages, never to applicants.
        [EmailKind.LevyTransferUpdate] = new(EmailClass.Transactional, EmailRecipient.StaffContact, ManageConsentLink: false),
        [EmailKind.LevyTransferSummary] = new(EmailClass.Transactional, EmailRecipient.StaffContact, ManageConsentLink: false),

        // Opportunities matched to the person, and reminders of ones they saved: contact about their Journey to Work.
        [EmailKind.MatchAlert] = new(EmailClass.Contact, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        [EmailKind.MatchDigest] = new(EmailClass.Contact, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        [EmailKind.ClosingReminder] = new(EmailClass.Contact, EmailRecipient.VerifiedAddress, ManageConsentLink: true),

        // To a member of staff an admin invited, at their work address: a service message about their access.
        [EmailKind.StaffInvitation] = new(EmailClass.Transactional, EmailRecipient.StaffContact, ManageConsentLink: false),
        [EmailKind.PoisonAlert] = new(EmailClass.Transactional, EmailRecipient.StaffContact, ManageConsentLink: false),

        // About an application the person made: the replies to something they did, so always sent, and only to the
        // verified address they applied with.
        [EmailKind.ApplicationReceived] = new(EmailClass.Transactional, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        [EmailKind.InterviewInvitation] = new(EmailClass.Transactional, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        [EmailKind.ApplicationOutcome] = new(EmailClass.Transactional, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        [EmailKind.OfferMade] = new(EmailClass.Transactional, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        [EmailKind.StartConfirmed] = new(EmailClass.Transactional, EmailRecipient.VerifiedAddress, ManageConsentLink: true),

        // The reply to the person's own request to apply: always sent, and only to a verified address (only the
        // verified apply, and the address is the proof that the request is theirs).
        [EmailKind.ContinueApplication] = new(EmailClass.Transactional, EmailRecipient.VerifiedAddress, ManageConsentLink: true),
        // To outreach staff at their directory address about their own work (the people they case-manage): service
        // messages to staff, never to the people named in them.
        [EmailKind.CaseloadUncontacted] = new(EmailClass.Transactional, EmailRecipient.StaffContact, ManageConsentLink: false),
        [EmailKind.CaseloadActions] = new(EmailClass.Transactional, EmailRecipient.StaffContact, ManageConsentLink: false),
    };

    public static EmailRule For(EmailKind kind) =>
        All.TryGetValue(kind, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(kind), kind, "The email kind has no rules in EmailRules.");
}
