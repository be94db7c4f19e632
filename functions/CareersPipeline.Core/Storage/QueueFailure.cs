namespace CareersPipeline.Core.Storage;

/// <summary>Why a queue message last failed: the exception's type and first line, on which attempt, and when.</summary>
public sealed record QueueFailure(string Error, long Attempt, DateTimeOffset? FailedAt);
