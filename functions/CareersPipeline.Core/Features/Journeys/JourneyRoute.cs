namespace CareersPipeline.Core.Features.Journeys;

/// <summary>The three Journey to Work routes. Each has its own next steps (see <see cref="JourneyRouter"/>).</summary>
public enum JourneyRoute
{
    InEducation,
    CareerChangerOrUnemployed,
    SeldomHeardSupported,
}

/// <summary>Where a person is on their journey; the metrics count conversion between these steps.</summary>
public enum JourneyStage
{
    SignedUp,
    Registered,
    Engaged,
    Matched,
    Applied,
    Interviewed,
    Offered,
    InWork,
}
