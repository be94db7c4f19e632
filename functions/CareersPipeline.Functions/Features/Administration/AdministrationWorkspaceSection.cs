using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Runs;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>Administration in the staff workspace, for admins only: staff and invitations, reference data, runs, the audit trail.</summary>
public sealed class AdministrationWorkspaceSection(StaffAdministration administration, RunRecordStore runs) : IStaffWorkspaceSection
{
    public const string Root = "/staff/admin";

    public StaffLink? NavigationFor(StaffPrincipal staff) =>
        staff.IsInAnyRole([StaffRole.Admin]) ? new StaffLink(Root, "Administration") : null;

    public async Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!staff.IsInAnyRole([StaffRole.Admin]))
        {
            return [];
        }

        var invited = (await administration.ListAsync(cancellationToken)).Count(m => m.Value.Active && m.Value.PendingInvitation);
        var builds = await runs.ListAsync(RunKind.SiteRebuild, 1, cancellationToken);
        var lastBuild = builds.Count > 0 ? builds[0] : null;
        return
        [
            new StaffCard("Invitations waiting", "People invited who have not signed in yet. Manage staff, roles and organisations.", AdminStaffPages.Root, invited),
            new StaffCard("Reference data", "The schools, events, programmes and employers the public sign-up doors accept.", AdminReferencePages.Root),
            new StaffCard("Runs", $"Rebuild the site or import national vacancies. Last site rebuild: {AdminRunPages.Describe(lastBuild)}.", AdminRunPages.Root),
            new StaffCard("Audit trail", "Who viewed or changed whose record, and when.", AdminAuditPages.Root),
        ];
    }
}
