using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.LevyTransfers;

/// <summary>Levy transfers in the staff workspace: for employers (and admins), the applications to their pledges awaiting a decision.</summary>
public sealed class LevyWorkspaceSection(PledgeApplicationService applications) : IStaffWorkspaceSection
{
    public StaffLink? NavigationFor(StaffPrincipal staff) =>
        staff.IsInAnyRole([StaffRole.Employer, StaffRole.Admin]) ? new StaffLink(LevyTransferPages.Root, "Levy transfers") : null;

    public async Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!staff.IsInAnyRole([StaffRole.Employer, StaffRole.Admin]))
        {
            return [];
        }

        var awaiting = await applications.AwaitingDecisionAsync(staff, cancellationToken);
        return [new StaffCard("Levy applications awaiting your decision", "Employers applying for your pledged levy funds: approve or reject them.", LevyTransferPages.Root, awaiting.Count)];
    }
}
