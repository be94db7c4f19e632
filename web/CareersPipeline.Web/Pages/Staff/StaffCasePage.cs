using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// One case: the person, the case, a form per action and the timeline. <paramref name="FailedForm"/> names the form whose
/// answers <paramref name="Form"/> holds (with their errors); every other form is shown empty.
/// </summary>
public sealed record StaffCasePage(CaseView View, string Version, string? FailedForm, FormView Form) : StaffPage
{
    public override string Title => $"{View.Person.FirstName} {View.Person.LastName}";

    public FormView FormFor(string form) => form == FailedForm ? Form : FormView.Empty;
}
