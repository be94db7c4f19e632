namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>What the adviser does next and by when (yyyy-MM-dd); an empty action clears it.</summary>
public sealed record NextActionInput(string? Action, string? Due);
