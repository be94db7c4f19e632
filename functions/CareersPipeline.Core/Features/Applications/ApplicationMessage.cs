namespace CareersPipeline.Core.Features.Applications;

/// <summary>On the applications queue: which event of which application to follow up. Ids only.</summary>
public sealed record ApplicationMessage(string ApplicationId, int Sequence);
