namespace CareersPipeline.Core.Features.Applications;

/// <summary>The day the person started (yyyy-MM-dd).</summary>
public sealed record StartInput(string? StartDate = null);
