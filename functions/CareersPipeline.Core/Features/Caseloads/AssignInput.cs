namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>Who owns the case (an adviser's staff id) and whether the rest of their team may work on it too.</summary>
public sealed record AssignInput(string? OwnerId, bool? SharedWithTeam);
