namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>An intervention to log: the type's name, the date (yyyy-MM-dd, not in the future), minutes spent, notes.</summary>
public sealed record InterventionInput(string? Type, string? Date, int? Minutes, string? Notes);
