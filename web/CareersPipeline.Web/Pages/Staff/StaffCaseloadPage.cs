using CareersPipeline.Core.Features.Caseloads;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>An adviser's caseload, overdue and due-today actions first, with the programme's counts below.</summary>
public sealed record StaffCaseloadPage(IReadOnlyList<CaseSummary> Cases, ProgrammeCounts Counts) : StaffPage
{
    public override string Title => "Caseload";
}
