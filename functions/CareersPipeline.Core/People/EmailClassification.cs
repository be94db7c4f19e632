using CareersPipeline.Core.Features.Notifications;

namespace CareersPipeline.Core.People;

/// <summary>How an email is gated at send time.</summary>
public enum EmailClass
{
    /// <summary>About something the person just did (their sign-up, verifying their address, a guardian's consent request): always sent.</summary>
    Transactional,

    /// <summary>Opportunities, matches and next steps: needs the Contact consent.</summary>
    Contact,

    /// <summary>News and campaigns: needs the Marketing consent, and never to under-16s.</summary>
    Marketing,
}

/// <summary>
/// Every <see cref="EmailKind"/> is classified here. A kind that is not listed is treated as marketing, the strictest
/// class, so a new kind can never be sent without consent by accident; a test fails until it is classified.
/// </summary>
public static class EmailClassification
{
    public static IReadOnlyDictionary<EmailKind, EmailClass> Classes { get; } = new Dictionary<EmailKind, EmailClass>
    {
        [EmailKind.Confirmation] = EmailClass.Transactional,
        [EmailKind.GuardianConsentRequest] = EmailClass.Transactional,

        // To staff contacts of employers about their own levy transfers: service messages, never to applicants.
        [EmailKind.LevyTransferUpdate] = EmailClass.Transactional,
        [EmailKind.LevyTransferSummary] = EmailClass.Transactional,

        // Opportunities matched to the person, and reminders of ones they saved: contact about their Journey to Work.
        [EmailKind.MatchAlert] = EmailClass.Contact,
        [EmailKind.MatchDigest] = EmailClass.Contact,
        [EmailKind.ClosingReminder] = EmailClass.Contact,
    };

    public static EmailClass For(EmailKind kind) => Classes.TryGetValue(kind, out var emailClass) ? emailClass : EmailClass.Marketing;

    public static bool IsTransactional(EmailKind kind) => For(kind) == EmailClass.Transactional;

    /// <summary>The consent an email of this class needs, or null for transactional email.</summary>
    public static ConsentPurpose? RequiredConsent(EmailClass emailClass) => emailClass switch
    {
        EmailClass.Contact => ConsentPurpose.Contact,
        EmailClass.Marketing => ConsentPurpose.Marketing,
        _ => null,
    };
}
