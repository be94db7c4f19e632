namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>An adviser's team (lower-case letters, digits and hyphens) and whether they lead it.</summary>
public sealed record TeamInput(string? Team, bool? Lead);
