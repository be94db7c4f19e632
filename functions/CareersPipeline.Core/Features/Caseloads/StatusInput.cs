namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>A new status; closing without any outcome recorded needs <see cref="Reason"/>.</summary>
public sealed record StatusInput(string? Status, string? Reason);
