using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Closes a pledge (by hand, when too little remains, or at its close date) and rejects the applications still
/// waiting on it. Approved and accepted applications keep their reservations.
/// </summary>
public sealed partial class PledgeClosing(LevyStore store, ApplicationTransitions transitions, TimeProvider time, ILogger<PledgeClosing> logger)
{
    public async Task<Result<Pledge>> CloseAsync(Versioned<Pledge> current, PledgeClosureReason reason, string by, string? note, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (current.Value.Status == PledgeStatus.Closed)
            {
                return new Result<Pledge>.Conflict("This pledge is already closed.");
            }

            var now = time.GetUtcNow();
            var closed = current.Value with { Status = PledgeStatus.Closed, Closure = new PledgeClosure(reason, now, by, note), UpdatedAt = now };
            if (await store.TryReplaceAsync(closed, current.ETag, cancellationToken))
            {
                LogClosed(logger, closed.Id, reason, by);
                await RejectPendingAsync(closed, cancellationToken);
                return new Result<Pledge>.Ok(closed);
            }

            // A reservation changed it meanwhile: closing does not depend on them, so close what is there now.
            current = await store.FindPledgeAsync(current.Value.Id, cancellationToken)
                ?? throw new InvalidOperationException($"Pledge {current.Value.Id} disappeared while closing.");
        }
    }

    /// <summary>Rejects every application still pending on a closed pledge; the ids it rejected.</summary>
    public async Task<IReadOnlyList<string>> RejectPendingAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        var rejected = new List<string>();
        foreach (var application in await store.ApplicationsForPledgeAsync(pledge.Id, cancellationToken))
        {
            if (application.Value.Status == ApplicationStatus.Pending
                && await transitions.MoveAsync(application, PledgeApplicationLifecycle.Reject, LevyRules.Systems.PledgeClosing, "The pledge closed.", cancellationToken)
                    is Result<PledgeApplication>.Ok)
            {
                rejected.Add(application.Value.Id);
            }
        }

        return rejected;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} closed ({Reason}) by {By}")]
    private static partial void LogClosed(ILogger logger, string pledgeId, PledgeClosureReason reason, string by);
}
