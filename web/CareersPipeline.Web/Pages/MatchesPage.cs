using CareersPipeline.Core.Features.Matching;

namespace CareersPipeline.Web.Pages;

/// <summary>A person's matches, saved openings and preferences; <paramref name="Query"/> ("?token=...") goes on every form it posts.</summary>
public sealed record MatchesPage(MatchesView Matches, string Query) : AppPage
{
    public override string Title => $"Your matches, {Matches.FirstName}";
}
