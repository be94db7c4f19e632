using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Web.Pages;

/// <summary>
/// The application form for one opportunity, behind the person's signed link: the answers to start from (or as sent,
/// with <paramref name="Errors"/>); for a national vacancy, the link to Find an apprenticeship and "I applied".
/// </summary>
public sealed record ApplyPage(ApplyStart Start, ApplicationInput Answers, IReadOnlyDictionary<string, string[]> Errors, string Query) : AppPage
{
    public override string Title => $"Apply: {Start.Title}";
}
