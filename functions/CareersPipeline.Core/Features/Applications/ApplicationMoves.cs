using Azure;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// Carries out a move on an application for the employer and the person alike: the lifecycle decides, the change and
/// its event are written in one transaction conditional on the ETag that was read, and one queue message asks for what
/// follows. There is no retry: when two people move one application at once, the second is told (409, or 412 when they
/// named the version they saw) and looks again, because their decision was made on what is no longer there.
/// </summary>
public sealed partial class ApplicationMoves(ApplicationStore store, QueueSender queue, TimeProvider time, ILogger<ApplicationMoves> logger)
{
    public async Task<Result<Versioned<JobApplication>>> MoveAsync(
        Versioned<JobApplication> current,
        ETag? expected,
        Func<JobApplication, DateTimeOffset, LifecycleResult> move,
        CancellationToken cancellationToken)
    {
        if (expected is { } version && version != current.ETag)
        {
            return new Result<Versioned<JobApplication>>.Stale(ApplicationMessages.Stale);
        }

        var moved = move(current.Value, time.GetUtcNow());
        if (moved.Application is not { } after || moved.Event is not { } recorded)
        {
            return new Result<Versioned<JobApplication>>.Conflict(moved.Error!);
        }

        if (await store.TryMoveAsync(after, recorded, current.ETag, cancellationToken) is not { } etag)
        {
            return expected is null
                ? new Result<Versioned<JobApplication>>.Conflict(ApplicationMessages.Busy)
                : new Result<Versioned<JobApplication>>.Stale(ApplicationMessages.Stale);
        }

        await queue.SendAsync(StorageNames.Queues.Applications, new ApplicationMessage(after.Id, recorded.Sequence), cancellationToken);
        LogMoved(logger, after.Id, recorded.Change, recorded.From, recorded.To, recorded.By);
        return new Result<Versioned<JobApplication>>.Ok(new Versioned<JobApplication>(after, etag));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: {Change} ({From} -> {To}) by {By}")]
    private static partial void LogMoved(ILogger logger, string applicationId, ApplicationChange change, ApplicationStatus from, ApplicationStatus to, string by);
}
