namespace CareersPipeline.Web.Pages;

/// <summary>Local mode only: each active person's best matches, as stored, with the link their match emails carry.</summary>
public sealed record LocalMatchesPage(IReadOnlyList<LocalMatchesRow> People) : AppPage
{
    public override string Title => "Matches";
}
