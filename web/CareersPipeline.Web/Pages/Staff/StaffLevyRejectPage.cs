using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Reject an application, with the reason (required: the applicant is told it).</summary>
public sealed record StaffLevyRejectPage(ApplicationView Application, string Version, FormView Form) : StaffPage
{
    public override string Title => "Reject this application";
}
