using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Close a live opportunity early, with the reason (filled, or withdrawn) and an optional note.</summary>
public sealed record StaffOpportunityClosePage(Opportunity Opportunity, string Version, FormView Form) : StaffPage
{
    public override string Title => "Close this opportunity";
}
