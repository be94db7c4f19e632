using CareersPipeline.Core.Features.Caseloads;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>People waiting for an adviser, longest first, each with a button to take them.</summary>
public sealed record StaffTriagePage(IReadOnlyList<TriageItem> Items) : StaffPage
{
    public override string Title => "Triage";
}
