using Azure;

namespace CareersPipeline.Core.Storage;

/// <summary>
/// Optimistic concurrency for table rows, written once: read, change, write with If-Match; when another writer got
/// there first, read again and re-apply the change. Every store and feature that changes a row this way uses it, so
/// they all give up at the same documented limit, in the same way.
/// </summary>
public static class ETagRetry
{
    /// <summary>
    /// How many times a change is tried before giving up. Enough for a burst of writers on one row (a dozen staff
    /// deciding applications against one pledge at once), small enough that a row nobody can win is reported as a
    /// conflict within a second or two instead of spinning.
    /// </summary>
    public const int MaxAttempts = 20;

    /// <summary>
    /// Runs <paramref name="attempt"/> (given its number, from 1) until it is done (<see cref="ETagAttempt.Done{T}"/>). It
    /// reports a lost race by returning <see cref="ETagAttempt.Lost{T}"/> (stores whose writes return false on a
    /// stale ETag) or by letting the write's 412, or 409 when both writers added the row, through.
    /// </summary>
    /// <exception cref="ETagConflictException">The race was lost <see cref="MaxAttempts"/> times.</exception>
    public static async Task<T> RunAsync<T>(Func<int, CancellationToken, Task<ETagAttempt<T>>> attempt, CancellationToken cancellationToken)
    {
        RequestFailedException? lastFailure = null;
        for (var number = 1; number <= MaxAttempts; number++)
        {
            if (number > 1)
            {
                // A short random pause so racing writers do not collide again in step. Real time whatever clock the
                // caller reads: a test's fake clock must not hold up a retry.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * Math.Min(number - 1, 4)), TimeProvider.System, cancellationToken);
            }

            try
            {
                var outcome = await attempt(number, cancellationToken);
                if (!outcome.IsLost)
                {
                    return outcome.Value;
                }
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                lastFailure = e;
            }
        }

        throw new ETagConflictException(MaxAttempts, lastFailure);
    }

    /// <summary>
    /// The same for a read-change-write whose write throws on a lost race (a 412, or a 409 when both added the row):
    /// it returns what it read, changed or decided, and is run again from a fresh read when the write lost.
    /// </summary>
    /// <exception cref="ETagConflictException">The race was lost <see cref="MaxAttempts"/> times.</exception>
    public static Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> readChangeWrite, CancellationToken cancellationToken) =>
        RunAsync(async (_, ct) => ETagAttempt.Done(await readChangeWrite(ct)), cancellationToken);
}
