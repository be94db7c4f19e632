namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// How an employer sorts their opportunities: by status, with live ones that close within <see cref="ClosingSoonDays"/>
/// days on a shelf of their own, because they are the ones to act on (extend, or get ready to close).
/// </summary>
public enum OpportunityShelf
{
    Draft,
    Live,
    ClosingSoon,
    Closed,
    Archived,
}

public static class OpportunityShelves
{
    public const int ClosingSoonDays = 14;

    public static OpportunityShelf Of(Opportunity opportunity, DateOnly today) => opportunity.Status switch
    {
        OpportunityStatus.Draft => OpportunityShelf.Draft,
        OpportunityStatus.Live when opportunity.ClosingDate <= today.AddDays(ClosingSoonDays) => OpportunityShelf.ClosingSoon,
        OpportunityStatus.Live => OpportunityShelf.Live,
        OpportunityStatus.Closed => OpportunityShelf.Closed,
        _ => OpportunityShelf.Archived,
    };
}
