namespace CareersPipeline.Core.People;

/// <summary>The three Journey to Work routes. Each has its own next steps (see <see cref="JourneyRouter"/>).</summary>
public enum JourneyRoute
{
    InEducation,
    CareerChangerOrUnemployed,
    SeldomHeardSupported,
}
