namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// A referral as a partner's member of staff sends it: the person's details, their agreement to be contacted (which
/// they gave the partner), and who is referring. Everything optional here so the service reports every problem at once.
/// </summary>
public sealed record ReferralInput
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? DateOfBirth { get; init; }
    public string? Postcode { get; init; }
    public string? PreferredLanguage { get; init; }
    public IReadOnlyList<string>? SupportNeeds { get; init; }

    /// <summary>Optional: when the partner does not know, Other, None and NotSure (an adviser asks).</summary>
    public string? CurrentSituation { get; init; }
    public string? QualificationLevel { get; init; }
    public string? RightToWork { get; init; }
    public bool? ConsentToContact { get; init; }
    public string? ReferrerName { get; init; }
    public string? ReferrerEmail { get; init; }
}
