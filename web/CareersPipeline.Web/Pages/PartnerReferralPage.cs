namespace CareersPipeline.Web.Pages;

/// <summary>
/// A partner organisation's referral form (behind its signed link; no account). <see cref="Values"/> are the posted
/// answers shown back (escaped by the renderer) with <see cref="Errors"/>; <see cref="Sent"/> once the referral is taken.
/// </summary>
public sealed record PartnerReferralPage(
    string PartnerName,
    string ConsentStatement,
    IReadOnlyDictionary<string, string[]> Values,
    IReadOnlyDictionary<string, string[]> Errors,
    bool Sent) : AppPage
{
    public override string Title => Sent ? "Referral received" : $"Refer someone to the careers service ({PartnerName})";
}
