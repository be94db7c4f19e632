namespace CareersPipeline.Core.Features.Matching;

/// <summary>The matches one recipient's email lists: each opening's title and page, employer, closing date and why it fits.</summary>
public sealed record MatchEmailItems(IReadOnlyList<MatchEmailItem> Items);

/// <summary>One opening in a match email.</summary>
public sealed record MatchEmailItem(string Title, string PageUrl, string OrganisationName, string ClosesOn, string Explanation);
