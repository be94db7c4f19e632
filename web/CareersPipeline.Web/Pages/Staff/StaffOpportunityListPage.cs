using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>An employer's opportunities on one shelf (<paramref name="Shelf"/>), with every shelf's count for the tabs.</summary>
public sealed record StaffOpportunityListPage(IReadOnlyDictionary<OpportunityShelf, int> Counts, OpportunityShelf Shelf, IReadOnlyList<Opportunity> Opportunities) : StaffPage
{
    public override string Title => "Opportunities";
}
