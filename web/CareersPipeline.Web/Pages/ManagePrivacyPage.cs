using CareersPipeline.Core.Features.Privacy;

namespace CareersPipeline.Web.Pages;

/// <summary>
/// The privacy link's page: a person's consents, their data and erasure; a guardian's only choice is to withdraw.
/// <paramref name="Query"/> ("?token=...") goes on every link and form; <paramref name="EqualityUrl"/> is null when not offered.
/// </summary>
public sealed record ManagePrivacyPage(ManageView Manage, string Query, string? EqualityUrl, string NoticeUrl) : AppPage
{
    public override string Title => "Manage your consent and your data";
}
