using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Tests.Features.Matching;

internal static class MatchTestData
{
    public static readonly DateOnly Today = new(2026, 12, 1);

    /// <summary>Royal Stoke University Hospital.</summary>
    public static readonly GeoPoint Stoke = new(53.0034, -2.2136);

    /// <summary>Stafford, about 13.5 miles south of <see cref="Stoke"/>.</summary>
    public static readonly GeoPoint Stafford = new(52.8066, -2.1175);

    public static MatchProfile Person(
        JourneyRoute route = JourneyRoute.CareerChangerOrUnemployed,
        int age = 25,
        RightToWork rightToWork = RightToWork.Yes,
        QualificationLevel qualification = QualificationLevel.Level2,
        CareerFamily[]? interests = null,
        GeoPoint? location = null,
        bool noLocation = false,
        int travelMiles = 20,
        bool? drivingLicence = null) =>
        new(
            "person-1",
            "a" + new string('1', 24),
            route,
            Today.AddYears(-age).AddDays(-10),
            rightToWork,
            qualification,
            (interests ?? [CareerFamily.Nursing]).ToHashSet(),
            noLocation ? null : location ?? Stoke,
            travelMiles,
            drivingLicence);

    public static MatchCandidate Candidate(
        string id = "o000000000000000000000001",
        CandidateKind kind = CandidateKind.Apprenticeship,
        CareerFamily family = CareerFamily.Nursing,
        int? level = 3,
        GeoPoint[]? locations = null,
        bool remote = false,
        int closesInDays = 30,
        int? startsInDays = null,
        int minimumAge = 16,
        bool rightToWork = true,
        bool drivingLicence = false,
        QualificationLevel? qualification = null,
        bool supportedEntry = false) =>
        new(
            id,
            kind,
            "Healthcare support worker apprentice",
            "University Hospitals of North Midlands NHS Trust",
            family,
            kind is CandidateKind.Apprenticeship or CandidateKind.LevyFundedPlace ? level : null,
            remote ? [] : locations ?? [Stoke],
            remote,
            Today.AddDays(closesInDays),
            startsInDays is { } days ? Today.AddDays(days) : null,
            new CandidateRequirements(minimumAge, rightToWork, drivingLicence, qualification),
            supportedEntry);
}
