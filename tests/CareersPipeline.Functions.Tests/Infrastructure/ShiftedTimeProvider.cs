namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>
/// Real time plus an offset a test can move forward: "a day later" for clock reads, while timers and delays
/// still run on the real clock, so the app's own polling keeps working.
/// </summary>
public sealed class ShiftedTimeProvider : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
