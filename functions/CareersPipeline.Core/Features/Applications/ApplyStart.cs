using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// What the first apply page needs: the opportunity, the answers to start from (the sign-up's, or a draft's), and the
/// person's application when they have applied already.
/// </summary>
public sealed record ApplyStart(string OpportunityId, string Title, string EmployerName, bool National, string? ExternalUrl, ApplicationInput Prefilled, JobApplication? Existing)
{
    public static ApplyStart Of(Opportunity opportunity, ApplicationInput prefilled, JobApplication? existing) =>
        new(opportunity.Id, opportunity.Title, opportunity.EmployerName, opportunity.Source == OpportunitySource.National, opportunity.HowToApply.ExternalUrl, prefilled, existing);
}
