namespace CareersPipeline.Core.People;

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
