namespace CareersPipeline.Core.People;

/// <summary>
/// One dated move along the Journey to Work: what the figures count (time to offer, time to start, conversion by door
/// and route). <paramref name="Reference"/> names what caused it (an application id), never the person.
/// </summary>
public sealed record JourneyEvent(string PersonKey, JourneyStage Stage, DateTimeOffset At, string Reference, string? Door, string? Route);
