namespace CareersPipeline.Core.Features.Applications;

/// <summary>On the application-links queue: whom to send the link to the apply pages of which opportunity. Ids only.</summary>
public sealed record ContinueApplicationMessage(string ApplicantId, string OpportunityId);
