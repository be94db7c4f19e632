namespace CareersPipeline.Core.Features.Matching;

/// <summary>A candidate that passed every hard filter for a person, with its score and the distance to its nearest workplace.</summary>
public readonly record struct ScoredMatch(MatchCandidate Candidate, MatchScore Score, double? DistanceMiles);
