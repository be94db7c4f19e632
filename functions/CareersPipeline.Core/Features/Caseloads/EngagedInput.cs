namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>A lighter contact with someone who is not case-managed: the session or event they came to, when, and notes.</summary>
public sealed record EngagedInput(string? Date, string? Activity, string? Notes);
