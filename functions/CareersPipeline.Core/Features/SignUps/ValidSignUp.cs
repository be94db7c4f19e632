using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>A sign-up that passed validation, normalised (trimmed, postcode and phone in canonical form).</summary>
public sealed record ValidSignUp(
    Door Door,
    string? DoorCode,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    DateOnly DateOfBirth,
    string Postcode,
    IReadOnlyList<CareerFamily> CareerInterests,
    CurrentSituation CurrentSituation,
    QualificationLevel QualificationLevel,
    RightToWork RightToWork,
    IReadOnlyList<SupportNeed> SupportNeeds,
    string? SupportNeedsOther,
    string PreferredLanguage,
    bool ContactConsent,
    bool MarketingConsent,
    string ConsentWordingVersion,
    int? YearGroup,
    string? GuardianEmail)
{
    public bool NeedsGuardianConsent => GuardianEmail is not null;
}
