using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// Invite someone (<paramref name="Version"/> null: the form asks their email too) or change a member of staff's name,
/// roles and organisations from the version read. <paramref name="Caption"/> names the person being changed;
/// <paramref name="DeactivateHref"/> is set while they can still sign in.
/// </summary>
public sealed record AdminStaffFormPage(string Action, string? Version, string? Caption, FormView Form, IReadOnlyList<FieldOption> Roles, IReadOnlyList<FieldOption> Organisations, string? DeactivateHref = null) : StaffPage
{
    public bool IsInvitation => Version is null;

    public override string Title => IsInvitation ? "Invite a member of staff" : "Change their roles and organisations";
}
