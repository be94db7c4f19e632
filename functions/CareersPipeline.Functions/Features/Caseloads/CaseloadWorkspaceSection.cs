using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Caseloads;

/// <summary>The caseload in the staff workspace: for advisers (and admins), overdue and due-today actions, sustained-in-work checks due, and who waits on triage.</summary>
public sealed class CaseloadWorkspaceSection(CaseService cases) : IStaffWorkspaceSection
{
    private static readonly StaffRole[] Advisers = [StaffRole.Adviser, StaffRole.Admin];

    public StaffLink? NavigationFor(StaffPrincipal staff) => staff.IsInAnyRole(Advisers) ? new StaffLink(CaseloadPages.Root, "Caseload") : null;

    public async Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!staff.IsInAnyRole(Advisers))
        {
            return [];
        }

        var mine = await cases.CaseloadAsync(staff, false, cancellationToken);
        var triage = await cases.TriageAsync(staff, cancellationToken) is Core.Result<IReadOnlyList<TriageItem>>.Ok ok ? ok.Value : [];
        return
        [
            new StaffCard("Overdue actions", "Next actions past their due date on your caseload.", CaseloadPages.Root, mine.Count(c => c.ActionOverdue)),
            new StaffCard("Due today", "Next actions due today on your caseload.", CaseloadPages.Root, mine.Count(c => c.ActionDueToday)),
            new StaffCard("Sustained-in-work checks", "People 3 or 6 months into work: check they are still in work and record it.", CaseloadPages.Root, mine.Count(c => c.SustainedCheckMonths is not null)),
            new StaffCard("Waiting on triage", $"People nobody has taken yet; {triage.Count(t => t.Overdue)} not contacted in time.", $"{CaseloadPages.Root}/triage", triage.Count),
        ];
    }
}
