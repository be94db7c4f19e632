using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Carries out an application's moves, for staff and timers alike. The lifecycle decides; a move that reserves money
/// (approval) or gives it back (decline, undoing an approval, expiry, withdrawal after acceptance) writes the pledge
/// and the application together in one transaction, each conditional on the ETag it was read at. When another writer
/// got there first, both are read again and the move is checked again: so the pledge never promises more than it
/// has, and its reservations always match the applications that hold funds. Then the consequences follow: the
/// funded place is created or closed, and both parties are told.
/// </summary>
public sealed partial class ApplicationTransitions(
    LevyStore store,
    FundedPlaces places,
    LevyNotifications notifications,
    TimeProvider time,
    ILogger<ApplicationTransitions> logger)
{
    /// <summary>
    /// Applies <paramref name="transition"/> (one of <see cref="PledgeApplicationLifecycle"/>'s moves) to the application as
    /// read in <paramref name="current"/>, and to a fresh read after every lost race.
    /// </summary>
    public async Task<Result<PledgeApplication>> MoveAsync(
        Versioned<PledgeApplication> current,
        Func<PledgeApplication, string, DateTimeOffset, string?, ApplicationTransition> transition,
        string by,
        string? reason,
        CancellationToken cancellationToken)
    {
        var before = current.Value.Status;
        var attempts = 0;
        Result<PledgeApplication> outcome;
        try
        {
            outcome = await ETagRetry.RunAsync(async (attempt, ct) =>
            {
                attempts = attempt;
                if (attempt > 1)
                {
                    if (await store.FindApplicationAsync(current.Value.Id, ct) is not { } reread)
                    {
                        return ETagAttempt.Done<Result<PledgeApplication>>(new Result<PledgeApplication>.NotFound(LevyMessages.ApplicationNotFound));
                    }

                    (current, before) = (reread, reread.Value.Status);
                }

                return await TryMoveAsync(current, transition, by, reason, ct) is { } moved
                    ? ETagAttempt.Done(moved)
                    : ETagAttempt.Lost<Result<PledgeApplication>>();
            }, cancellationToken);
        }
        catch (ETagConflictException)
        {
            return new Result<PledgeApplication>.Conflict("The pledge is busy with other decisions. Try again in a moment.");
        }

        if (outcome is Result<PledgeApplication>.Ok ok)
        {
            await FollowUpAsync(ok.Value, by, cancellationToken);
            await notifications.ChangedAsync(ok.Value, cancellationToken);
            LogMoved(logger, ok.Value.Id, before, ok.Value.Status, by, attempts);
        }

        return outcome;
    }

    /// <summary>
    /// What must hold once an application has its status, apart from money (which moves with the status): the funded
    /// place exists while accepted, and is closed once the funds are used or gone. Idempotent, so the daily job can
    /// finish what an interrupted request started.
    /// </summary>
    /// <returns>Whether a place was created or closed.</returns>
    public async Task<bool> FollowUpAsync(PledgeApplication application, string by, CancellationToken cancellationToken) => application.Status switch
    {
        ApplicationStatus.Accepted => await places.EnsureCreatedAsync(application, by, cancellationToken),
        ApplicationStatus.FundsUsed => await places.CloseAsync(application, ClosureReason.Filled, "The apprentices have started.", by, cancellationToken),
        ApplicationStatus.FundsExpired or ApplicationStatus.WithdrawnAfterAcceptance =>
            await places.CloseAsync(application, ClosureReason.Manual, "The levy funding for this place ended.", by, cancellationToken),
        _ => false,
    };

    /// <summary>The outcome, or null when another writer changed the pledge or the application first.</summary>
    private async Task<Result<PledgeApplication>?> TryMoveAsync(
        Versioned<PledgeApplication> current,
        Func<PledgeApplication, string, DateTimeOffset, string?, ApplicationTransition> transition,
        string by,
        string? reason,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var moved = transition(current.Value, by, now, reason);
        if (moved.Application is not { } after)
        {
            return new Result<PledgeApplication>.Conflict(moved.Error!);
        }

        var reserves = PledgeApplicationLifecycle.HoldsFunds(after.Status) && !PledgeApplicationLifecycle.HoldsFunds(current.Value.Status);
        var releases = !PledgeApplicationLifecycle.HoldsFunds(after.Status) && PledgeApplicationLifecycle.HoldsFunds(current.Value.Status);
        if (!reserves && !releases)
        {
            return await store.TryReplaceAsync(after, current.ETag, cancellationToken) ? new Result<PledgeApplication>.Ok(after) : null;
        }

        var pledge = await store.FindPledgeAsync(after.PledgeId, cancellationToken);
        if (pledge is null)
        {
            return new Result<PledgeApplication>.Conflict("The pledge no longer exists.");
        }

        var others = pledge.Value.Reservations.Where(r => r.ApplicationId != after.Id).ToList();
        if (reserves)
        {
            var available = pledge.Value.Amount - others.Sum(r => r.Amount);
            if (pledge.Value.Status != PledgeStatus.Open)
            {
                return new Result<PledgeApplication>.Conflict("The pledge is closed: it can approve no more applications.");
            }

            if (available < after.Cost)
            {
                return new Result<PledgeApplication>.Conflict(
                    $"The pledge has {LevyMoney.Format(available)} left, which does not cover this application's estimated cost of {LevyMoney.Format(after.Cost)}.");
            }

            others.Add(new PledgeReservation(after.Id, after.Cost, now));
        }

        var changed = pledge.Value with { Reservations = others, UpdatedAt = now };
        return await store.TryReplaceTogetherAsync(pledge with { Value = changed }, current with { Value = after }, cancellationToken)
            ? new Result<PledgeApplication>.Ok(after)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy application {ApplicationId} moved {From} -> {To} by {By} (attempt {Attempt})")]
    private static partial void LogMoved(ILogger logger, string applicationId, ApplicationStatus from, ApplicationStatus to, string by, int attempt);
}
