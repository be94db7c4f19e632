using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>One stored match: enough to show and email it without reading the candidate again.</summary>
public sealed record Match(
    string CandidateId,
    CandidateKind Kind,
    string Title,
    string OrganisationName,
    CareerFamily CareerFamily,
    int Score,
    MatchScore Parts,
    double? DistanceMiles,
    DateOnly ClosesOn,
    string Explanation)
{
    public static Match From(MatchProfile profile, ScoredMatch scored) => new(
        scored.Candidate.Id,
        scored.Candidate.Kind,
        scored.Candidate.Title,
        scored.Candidate.OrganisationName,
        scored.Candidate.CareerFamily,
        scored.Score.Total,
        scored.Score,
        scored.DistanceMiles is { } miles ? Math.Round(miles, 1) : null,
        scored.Candidate.OpenUntil,
        MatchExplanation.For(profile, scored));

    /// <summary>The explanation as shown on a given day, with how soon it closes.</summary>
    public string ExplanationOn(DateOnly today) => MatchExplanation.WithClosing(Explanation, ClosesOn, today);
}
