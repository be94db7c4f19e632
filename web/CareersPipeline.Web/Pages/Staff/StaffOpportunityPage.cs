using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>One opportunity and what can be done with it now; <paramref name="Version"/> goes in every form that changes it.</summary>
public sealed record StaffOpportunityPage(Opportunity Opportunity, string Version, IReadOnlyList<AnswerRow> Answers) : StaffPage
{
    public override string Title => Opportunity.Title;
}

/// <summary>A question and its answer in a summary list; <paramref name="ChangeHref"/> when it can be changed from here.</summary>
public sealed record AnswerRow(string Question, string Answer, string? ChangeHref = null);
