using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// One question page of an opportunity form. <paramref name="IsNew"/>: the kind and the employer are asked (they are
/// fixed once created); <paramref name="IsApprenticeship"/> picks the details asked last.
/// </summary>
public sealed record StaffOpportunityQuestionPage(string Action, OpportunitySection Section, FormView Form, IReadOnlyList<FieldOption> Employers, bool IsNew, bool IsApprenticeship, string Back) : StaffPage
{
    public override string Title => Section switch
    {
        OpportunitySection.What => "What the job is",
        OpportunitySection.Where => "Where the job is",
        OpportunitySection.Pay => "Pay and hours",
        OpportunitySection.Dates => "Dates",
        _ => IsApprenticeship ? "The apprenticeship and its training" : "The contract",
    };
}
