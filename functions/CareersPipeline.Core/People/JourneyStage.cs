namespace CareersPipeline.Core.People;

/// <summary>Where a person is on their journey; the metrics count conversion between these steps.</summary>
public enum JourneyStage
{
    SignedUp,
    Registered,

    /// <summary>
    /// The sign-up's email address was verified. A milestone the figures count (sign-ups verified or not), recorded
    /// without moving the sign-ups' own stage: it says nothing about how far along the journey the person is.
    /// </summary>
    Verified,
    Engaged,
    Matched,
    Applied,
    Interviewed,
    Offered,
    InWork,
}
