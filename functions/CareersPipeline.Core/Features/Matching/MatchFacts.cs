using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.Features.SignUps;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>A candidate reduced to what the rules read, computed once so the scorers' loops neither allocate nor parse.</summary>
internal readonly struct CandidateFacts
{
    public CandidateFacts(MatchCandidate candidate)
    {
        Kind = candidate.Kind;
        FamilyBit = 1u << (int)candidate.CareerFamily;
        Level = candidate.Level ?? 0;
        OpenUntil = candidate.OpenUntil;
        StartDate = candidate.StartDate;
        MinimumAge = candidate.Requirements.MinimumAge;
        NeedsRightToWork = candidate.Requirements.RightToWorkInUk;
        NeedsLicence = candidate.Requirements.DrivingLicence;
        RequiredQualification = candidate.Requirements.QualificationLevel is { } required ? (int)required : -1;
        SupportedEntry = candidate.SupportedEntry;
        Remote = candidate.Remote;
    }

    public CandidateKind Kind { get; }

    public uint FamilyBit { get; }

    /// <summary>The apprenticeship level, or 0 when the candidate has none.</summary>
    public int Level { get; }

    public DateOnly OpenUntil { get; }

    public DateOnly? StartDate { get; }

    public int MinimumAge { get; }

    public bool NeedsRightToWork { get; }

    public bool NeedsLicence { get; }

    /// <summary>The <see cref="QualificationLevel"/> required, as its number, or -1 for none.</summary>
    public int RequiredQualification { get; }

    public bool SupportedEntry { get; }

    public bool Remote { get; }
}

/// <summary>A person reduced to what the rules read.</summary>
internal readonly struct PersonFacts
{
    public PersonFacts(MatchProfile profile)
    {
        Route = profile.Route;
        DateOfBirth = profile.DateOfBirth;
        HasRightToWork = profile.RightToWork == RightToWork.Yes;
        HasLicence = profile.DrivingLicence == true;
        Qualification = (int)profile.Qualification;
        RqfLevel = MatchRules.RqfLevel(profile.Qualification);
        foreach (var family in profile.Interests)
        {
            InterestMask |= 1u << (int)family;
        }

        NotSure = profile.Interests.Contains(CareerFamily.NotSureYet);
        Location = profile.Location;
        TravelMiles = profile.TravelMiles;
    }

    public JourneyRoute Route { get; }

    public DateOnly DateOfBirth { get; }

    public bool HasRightToWork { get; }

    public bool HasLicence { get; }

    /// <summary>The <see cref="QualificationLevel"/> as its number, to compare with a requirement.</summary>
    public int Qualification { get; }

    /// <summary>The level on the RQF scale, 0 for none or entry level, to compare with an apprenticeship's level.</summary>
    public int RqfLevel { get; }

    public uint InterestMask { get; }

    public bool NotSure { get; }

    public GeoPoint? Location { get; }

    public int TravelMiles { get; }
}
