using CareersPipeline.Core.Features.Applications;

namespace CareersPipeline.Web.Pages;

/// <summary>A person's applications behind their signed link; <paramref name="Query"/> ("?token=...") goes on every form it posts.</summary>
public sealed record ApplicationsPage(IReadOnlyList<PersonApplicationView> Applications, string Query) : AppPage
{
    public override string Title => "Your applications";
}
