namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>An outcome to record. Employment needs <see cref="Employer"/>, <see cref="Role"/> and <see cref="StartDate"/>.</summary>
public sealed record OutcomeInput(string? Type, string? Date, string? Employer, string? Role, string? StartDate, string? Notes);
