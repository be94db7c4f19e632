using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>Check your answers before the opportunity is saved; <paramref name="Version"/> is the version the edit began from (null for a new one).</summary>
public sealed record StaffOpportunityCheckPage(string Action, IReadOnlyList<AnswerRow> Answers, string? Version, bool IsNew, FormView Form) : StaffPage
{
    public override string Title => "Check your answers";
}
