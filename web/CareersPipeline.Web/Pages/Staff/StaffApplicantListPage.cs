using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>An opportunity's applicants, newest first, with how many are at each status; names and statuses only.</summary>
public sealed record StaffApplicantListPage(ApplicantList List) : StaffPage
{
    public override string Title => "Applicants";
}
