using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// What a person can be matched to. Opportunities are the first source; the other kinds are the other next steps of a
/// route (programmes, events, courses), matched by the same rules once their features publish them as candidates.
/// </summary>
public enum CandidateKind
{
    Apprenticeship,
    EntryLevelVacancy,
    LevyFundedPlace,
    WorkExperienceProgramme,
    RecruitmentEvent,
    PreEmploymentCourse,
}

/// <summary>A place on the map, in degrees (WGS84, as postcodes.io gives them).</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude);

/// <summary>
/// One thing to match, with only what matching needs. <paramref name="Locations"/> holds the workplaces that have
/// coordinates; a <paramref name="Remote"/> candidate (online, or anywhere) has none and no distance limit.
/// <paramref name="OpenUntil"/> is the last day to apply; <paramref name="StartDate"/> is when the person must be old enough.
/// </summary>
public sealed record MatchCandidate(
    string Id,
    CandidateKind Kind,
    string Title,
    string OrganisationName,
    CareerFamily CareerFamily,
    int? Level,
    IReadOnlyList<GeoPoint> Locations,
    bool Remote,
    DateOnly OpenUntil,
    DateOnly? StartDate,
    CandidateRequirements Requirements,
    bool SupportedEntry = false);

/// <summary>The hard requirements: a person who does not meet one is never matched.</summary>
public sealed record CandidateRequirements(
    int MinimumAge,
    bool RightToWorkInUk,
    bool DrivingLicence = false,
    QualificationLevel? QualificationLevel = null);
