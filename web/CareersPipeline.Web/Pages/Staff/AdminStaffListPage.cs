using CareersPipeline.Core.Staff;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Every member of staff and pending invitation, by name, with their roles and organisations.</summary>
public sealed record AdminStaffListPage(IReadOnlyList<StaffMember> Members) : StaffPage
{
    public override string Title => "Staff";
}
