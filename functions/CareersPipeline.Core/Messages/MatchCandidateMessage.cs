namespace CareersPipeline.Core.Messages;

/// <summary>The match-candidates queue's message: a candidate that opened, changed or closed.</summary>
public sealed record MatchCandidateMessage(string CandidateId);
