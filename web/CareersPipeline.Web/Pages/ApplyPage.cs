using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Web.Pages;

/// <summary>
/// One page of the application for one opportunity, behind the person's signed link: a question page (with the
/// draft's other answers kept in hidden fields, and <paramref name="Errors"/> when the answer was not right), or the
/// check-answers page; for a national vacancy, the link to Find an apprenticeship and "I applied".
/// <paramref name="Details"/> is what the employer sees besides the answers, from the sign-up, so it is not asked again.
/// </summary>
public sealed record ApplyPage(ApplyStart Start, ApplicationInput Answers, IReadOnlyDictionary<string, string[]> Errors, string Query) : AppPage
{
    public ApplyStep Step { get; init; } = ApplyStep.Why;

    /// <summary>The person came from the check page's "Change": the next page is the check page again.</summary>
    public bool ReturnToCheck { get; init; }

    public ApplicantDetails? Details { get; init; }

    /// <summary>Whether this is a page of questions (not a national vacancy, nor an application already made).</summary>
    public bool AsksQuestions => Start.Existing is null && !Start.National;

    public override string Title => !AsksQuestions ? $"Apply: {Start.Title}" : Step switch
    {
        ApplyStep.Why => "Why do you want this role?",
        ApplyStep.Experience => "Your relevant experience",
        ApplyStep.Start => "When could you start?",
        ApplyStep.Adjustments => "Do you need any adjustments for an interview?",
        _ => "Check your answers before sending your application",
    };
}
