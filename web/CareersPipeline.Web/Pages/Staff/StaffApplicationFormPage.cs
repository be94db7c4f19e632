using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>A move that needs answers (feedback, an interview, an offer, a start date), for the version of the application the person saw.</summary>
public sealed record StaffApplicationFormPage(EmployerApplicationView Application, ApplicationFormKind Kind, string Version, FormView Form) : StaffPage
{
    public override string Title => Kind switch
    {
        ApplicationFormKind.Unsuccessful => "Tell the applicant they were unsuccessful",
        ApplicationFormKind.Invite => Application.Status == ApplicationStatus.Interviewing ? "Send a new interview time" : "Invite to interview",
        ApplicationFormKind.Offer => "Make an offer",
        _ => "Record the start date",
    };
}
