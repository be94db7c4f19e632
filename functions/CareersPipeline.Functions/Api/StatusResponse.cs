namespace CareersPipeline.Functions.Api;

/// <summary>The body of an answer that only says what happened ("saved", "unsubscribed").</summary>
public sealed record StatusResponse(string Status);
