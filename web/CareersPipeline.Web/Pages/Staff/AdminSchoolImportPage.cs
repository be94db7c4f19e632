using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Upload a GIAS extract of schools; after an upload, <paramref name="Report"/> says what became of each row.</summary>
public sealed record AdminSchoolImportPage(FormView Form, SchoolImportReport? Report) : StaffPage
{
    public override string Title => Report is null ? "Import schools" : "Your school import";
}
