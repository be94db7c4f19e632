using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// An adviser fills in the sign-up with the person (the public form's questions), plus languages, interpreter,
/// right-to-work evidence type and needs. <see cref="WordingVersion"/> is the consent wording shown, posted back.
/// </summary>
public sealed record StaffRegisterPage(FormView Form, string WordingVersion) : StaffPage
{
    public override string Title => "Register someone with you";
}
