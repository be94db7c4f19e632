namespace CareersPipeline.Core.Messages;

/// <summary>The match-people queue's message: a person to match again, by one of their applicant ids.</summary>
public sealed record MatchPersonMessage(string ApplicantId);
