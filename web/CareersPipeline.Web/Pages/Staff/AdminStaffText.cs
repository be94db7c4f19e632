using CareersPipeline.Core.Staff;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>How the admin pages name roles and a member of staff's status.</summary>
public static class AdminStaffText
{
    public static string Role(StaffRole role) => role switch
    {
        StaffRole.EventOrganiser => "Event organiser",
        StaffRole.ProgrammeLead => "Programme lead",
        StaffRole.SchoolCoordinator => "School coordinator",
        _ => role.ToString(),
    };

    public static string Status(StaffMember member) =>
        !member.Active ? "Deactivated" : member.PendingInvitation ? "Invited" : "Active";
}
