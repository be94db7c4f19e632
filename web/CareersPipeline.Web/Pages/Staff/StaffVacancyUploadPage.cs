using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Upload a CSV of vacancies for one of the person's employers; after an upload, <paramref name="Report"/> says what happened to each row.</summary>
public sealed record StaffVacancyUploadPage(IReadOnlyList<FieldOption> Employers, FormView Form, CsvImportReport? Report, string TemplateUrl) : StaffPage
{
    public override string Title => Report is null ? "Upload vacancies" : "Your upload";
}
