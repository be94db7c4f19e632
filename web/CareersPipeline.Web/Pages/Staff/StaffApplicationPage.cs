using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// One application as the employer sees it (what the person wrote, name and contact) and the moves allowed from its
/// status; <paramref name="Version"/> goes in every form that moves it.
/// </summary>
public sealed record StaffApplicationPage(EmployerApplicationView Application, string Version) : StaffPage
{
    public override string Title => Application.Name;
}
