using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Email;

/// <summary>
/// Every <see cref="EmailKind"/> is classified by its line in <see cref="EmailRules"/>. A kind that is not listed is
/// treated as marketing, the strictest class, so a new kind can never be sent without consent by accident; a test fails
/// until it is classified.
/// </summary>
public static class EmailClassification
{
    /// <summary>The kind's class, from its line in <see cref="EmailRules"/>; marketing when it has none.</summary>
    public static EmailClass For(EmailKind kind) => EmailRules.All.TryGetValue(kind, out var rule) ? rule.Class : EmailClass.Marketing;

    /// <summary>The consent an email of this class needs, or null for transactional email.</summary>
    public static ConsentPurpose? RequiredConsent(EmailClass emailClass) => emailClass switch
    {
        EmailClass.Contact => ConsentPurpose.Contact,
        EmailClass.Marketing => ConsentPurpose.Marketing,
        _ => null,
    };
}
