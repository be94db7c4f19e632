namespace CareersPipeline.Functions.Runtime;

/// <summary>The mode this process runs in, for the parts that behave differently locally (dev sign-in, health).</summary>
public sealed record RuntimeInfo(RuntimeMode Mode);
