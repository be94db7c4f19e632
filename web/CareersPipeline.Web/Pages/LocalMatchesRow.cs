using CareersPipeline.Core.Features.Matching;

namespace CareersPipeline.Web.Pages;

/// <summary>One person on the local matches page: who, on which route, and their best few matches.</summary>
public sealed record LocalMatchesRow(string Name, string MatchesUrl, string? Route, string? CareerInterests, string? Postcode, IReadOnlyList<Match> Best);
