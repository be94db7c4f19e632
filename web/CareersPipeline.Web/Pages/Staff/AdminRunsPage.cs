using CareersPipeline.Core.Runs;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// The site rebuild's and the national vacancy import's recent runs, newest first, with buttons to start each.
/// <paramref name="Notice"/> says what the admin just started, after the redirect.
/// </summary>
public sealed record AdminRunsPage(IReadOnlyList<RunRecord> SiteRebuilds, IReadOnlyList<RunRecord> NationalImports, string? Notice) : StaffPage
{
    public override string Title => "Runs";
}
