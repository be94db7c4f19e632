using CareersPipeline.Core.Staff;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Asks before deactivating: the person can no longer sign in, and their record stays for the audit trail.</summary>
public sealed record AdminStaffDeactivatePage(StaffMember Member, string Version) : StaffPage
{
    public override string Title => $"Deactivate {Member.DisplayName}?";
}
