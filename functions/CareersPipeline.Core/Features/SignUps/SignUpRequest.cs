namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// A sign-up as the public sends it, through any door. Everything is optional here so that the
/// validator, not the JSON reader, decides what is missing and reports every problem at once.
/// </summary>
public sealed record SignUpRequest
{
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? DateOfBirth { get; init; }
    public string? Postcode { get; init; }
    public IReadOnlyList<string>? CareerInterests { get; init; }
    public string? CurrentSituation { get; init; }
    public string? QualificationLevel { get; init; }
    public string? RightToWork { get; init; }
    public IReadOnlyList<string>? SupportNeeds { get; init; }
    public string? SupportNeedsOther { get; init; }
    public string? PreferredLanguage { get; init; }
    public ConsentAnswers? Consents { get; init; }

    // School door
    public string? SchoolCode { get; init; }
    public int? YearGroup { get; init; }
    public string? GuardianEmail { get; init; }

    // Event and programme doors
    public string? EventCode { get; init; }
    public string? ProgrammeCode { get; init; }
}

public sealed record ConsentAnswers
{
    /// <summary>Contact about opportunities, matches and next steps on the person's journey.</summary>
    public bool? Contact { get; init; }

    /// <summary>News and campaigns from the ICS; never for under-16s.</summary>
    public bool? Marketing { get; init; }

    /// <summary>The version of the consent wording the person was shown, so it can be produced later.</summary>
    public string? WordingVersion { get; init; }
}
