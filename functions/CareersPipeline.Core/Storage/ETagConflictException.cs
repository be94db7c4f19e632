using Azure;

namespace CareersPipeline.Core.Storage;

/// <summary>A change lost the race for its row <see cref="ETagRetry.MaxAttempts"/> times in a row, and was not written.</summary>
public sealed class ETagConflictException(int attempts, RequestFailedException? lastFailure)
    : Exception($"Another writer changed the row first {attempts} times in a row; the change was not written.", lastFailure)
{
    public int Attempts { get; } = attempts;
}
