namespace CareersPipeline.Core.Features.Applications;

/// <summary>An offer; a conditional one depends on checks (references, DBS, occupational health) named in <see cref="Conditions"/>.</summary>
public sealed record JobOffer(bool Conditional, string? Conditions, DateOnly? ProposedStartDate, DateTimeOffset MadeAt);
