namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>The adviser's route for the person, replacing the automatic one, and why.</summary>
public sealed record RouteInput(string? Route, string? Reason);
