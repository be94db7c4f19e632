using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// What matching knows about one person: their latest sign-up's answers and route, where they are, and the preferences
/// they (or their adviser) set. <paramref name="DrivingLicence"/> is null until they say; only "true" meets a requirement.
/// </summary>
public sealed record MatchProfile(
    string PersonKey,
    string ApplicantId,
    JourneyRoute Route,
    DateOnly DateOfBirth,
    RightToWork RightToWork,
    QualificationLevel Qualification,
    IReadOnlySet<CareerFamily> Interests,
    GeoPoint? Location,
    int TravelMiles,
    bool? DrivingLicence = null);

/// <summary>How far people will travel, by route, until they say otherwise.</summary>
public static class TravelDistances
{
    public const int MinimumMiles = 1;

    /// <summary>The furthest anyone can ask for: it also bounds which people an opportunity's change can affect.</summary>
    public const int MaximumMiles = 50;

    /// <summary>
    /// School and college leavers mostly rely on buses; career changers often drive or commute already; people on the
    /// supported route are often new to the area and to its transport, so they start close to home.
    /// </summary>
    public static int DefaultFor(JourneyRoute route) => route switch
    {
        JourneyRoute.InEducation => 10,
        JourneyRoute.CareerChangerOrUnemployed => 20,
        JourneyRoute.SeldomHeardSupported => 10,
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
    };
}
