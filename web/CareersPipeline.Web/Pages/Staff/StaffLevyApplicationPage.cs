using CareersPipeline.Core.Features.LevyTransfers;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// One application, as either party sees it. <paramref name="CanDecide"/>: the pledge owner may approve or reject it now;
/// <paramref name="CanAccept"/>: the applicant may accept the funding now. <paramref name="Version"/> goes in every form.
/// </summary>
public sealed record StaffLevyApplicationPage(ApplicationView Application, string Version, bool CanDecide, bool CanAccept) : StaffPage
{
    public override string Title => $"Application from {Application.EmployerName}";
}
