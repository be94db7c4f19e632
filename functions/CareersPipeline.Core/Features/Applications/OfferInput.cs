namespace CareersPipeline.Core.Features.Applications;

/// <summary>An offer; conditions are required when it is conditional.</summary>
public sealed record OfferInput(bool Conditional = false, string? Conditions = null, string? ProposedStartDate = null);
