using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>What one daily run changed: the application and pledge ids per rule.</summary>
public sealed record LevyDailyReport(
    IReadOnlyList<string> Recovered,
    IReadOnlyList<string> AutoApproved,
    IReadOnlyList<string> AutoRejected,
    IReadOnlyList<string> AutoDeclined,
    IReadOnlyList<string> Expired,
    IReadOnlyList<string> PledgesClosed);

/// <summary>
/// Timer job: the levy-transfer rules that depend on time, in an order where each sees the last one's result.
/// Each step is public so a rule can be run (and tested) on its own. Every move goes through
/// <see cref="ApplicationTransitions"/>, so a move that loses a race to a person is simply not made this time.
/// </summary>
public sealed partial class LevyTransferDailyJob(
    LevyStore store,
    ApplicationTransitions transitions,
    PledgeClosing closing,
    TimeProvider time,
    ILogger<LevyTransferDailyJob> logger)
{
    public async Task<LevyDailyReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = new LevyDailyReport(
            await RecoverAsync(cancellationToken),
            await AutoApproveAsync(cancellationToken),
            await AutoRejectAsync(cancellationToken),
            await AutoDeclineAsync(cancellationToken),
            await ExpireAsync(cancellationToken),
            await ClosePledgesAsync(cancellationToken));
        LogRun(logger, report.AutoApproved.Count, report.AutoRejected.Count, report.AutoDeclined.Count, report.Expired.Count, report.PledgesClosed.Count, report.Recovered.Count);
        return report;
    }

    /// <summary>Finishes what an interrupted request started: creates missing funded places, closes places whose funding ended.</summary>
    public async Task<IReadOnlyList<string>> RecoverAsync(CancellationToken cancellationToken)
    {
        var recovered = new List<string>();
        foreach (var status in new[] { ApplicationStatus.Accepted, ApplicationStatus.FundsUsed, ApplicationStatus.FundsExpired, ApplicationStatus.WithdrawnAfterAcceptance })
        {
            foreach (var (application, _) in await store.ApplicationsInStatusAsync(status, cancellationToken))
            {
                if (await transitions.FollowUpAsync(application, application.History.Count > 0 ? application.History[^1].By : application.CreatedBy, cancellationToken))
                {
                    recovered.Add(application.Id);
                }
            }
        }

        return recovered;
    }

    /// <summary>
    /// Approves 100% matches on pledges with auto-approval: at once (Immediate, for those the apply step could not
    /// cover) or after 42 days pending (Delayed); oldest first, each only if what remains covers it.
    /// </summary>
    public async Task<IReadOnlyList<string>> AutoApproveAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var pledges = (await store.OpenPledgesAsync(cancellationToken))
            .Select(v => v.Value)
            .Where(p => p.AutoApproval != AutoApproval.None && p.IsOpenOn(today))
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        var approved = new List<string>();
        var candidates = (await store.ApplicationsInStatusAsync(ApplicationStatus.Pending, cancellationToken))
            .Where(v => pledges.TryGetValue(v.Value.PledgeId, out var pledge) && IsDue(v.Value, pledge, now))
            .OrderBy(v => v.Value.CreatedAt)
            .ThenBy(v => v.Value.Id, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            var pledge = pledges[candidate.Value.PledgeId];
            var approve = While(a => IsDue(a, pledge, now), PledgeApplicationLifecycle.Approve);
            var result = await transitions.MoveAsync(candidate, approve, LevyRules.Systems.AutoApproval, "Approved automatically: a 100% match.", cancellationToken);
            if (result is Result<PledgeApplication>.Ok)
            {
                approved.Add(candidate.Value.Id);
            }
        }

        return approved;

        static bool IsDue(PledgeApplication application, Pledge pledge, DateTimeOffset now) =>
            application.Match.Percentage == 100
            && (pledge.AutoApproval == AutoApproval.Immediate || now - application.StatusChangedAt >= LevyRules.DelayedApprovalAfter);
    }

    /// <summary>Rejects applications pending for more than 3 months, unless auto-approval would approve them now.</summary>
    public async Task<IReadOnlyList<string>> AutoRejectAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var cutoff = now.AddMonths(-LevyRules.PendingMonthsBeforeRejection);
        var rejected = new List<string>();
        var pledges = new Dictionary<string, Pledge?>(StringComparer.Ordinal);
        foreach (var application in await store.ApplicationsInStatusAsync(ApplicationStatus.Pending, cancellationToken))
        {
            if (application.Value.StatusChangedAt > cutoff)
            {
                continue;
            }

            if (!pledges.TryGetValue(application.Value.PledgeId, out var pledge))
            {
                pledges[application.Value.PledgeId] = pledge = (await store.FindPledgeAsync(application.Value.PledgeId, cancellationToken))?.Value;
            }

            if (pledge is not null && IsAutoApprovable(application.Value, pledge, today))
            {
                continue;
            }

            var reject = While(a => a.StatusChangedAt <= cutoff, PledgeApplicationLifecycle.Reject);
            var result = await transitions.MoveAsync(application, reject, LevyRules.Systems.AutoRejection, "No decision within 3 months.", cancellationToken);
            if (result is Result<PledgeApplication>.Ok)
            {
                rejected.Add(application.Value.Id);
            }
        }

        return rejected;
    }

    /// <summary>Declines approvals not accepted within 42 days; the money returns to the pledge.</summary>
    public async Task<IReadOnlyList<string>> AutoDeclineAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - LevyRules.AcceptWithin;
        return await MoveAllAsync(ApplicationStatus.Approved, cutoff, PledgeApplicationLifecycle.Decline, LevyRules.Systems.AutoDecline, "Not accepted within 42 days of approval.", cancellationToken);
    }

    /// <summary>Expires acceptances whose funds were not used within 3 months; the money returns to the pledge.</summary>
    public async Task<IReadOnlyList<string>> ExpireAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddMonths(-LevyRules.AcceptedMonthsBeforeExpiry);
        return await MoveAllAsync(ApplicationStatus.Accepted, cutoff, PledgeApplicationLifecycle.Expire, LevyRules.Systems.Expiry, "The funds were not used within 3 months of acceptance.", cancellationToken);
    }

    /// <summary>Closes open pledges with less than the minimum left or past their close date, and rejects what still waits on closed pledges.</summary>
    public async Task<IReadOnlyList<string>> ClosePledgesAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var closed = new List<string>();
        foreach (var pledge in await store.OpenPledgesAsync(cancellationToken))
        {
            PledgeClosureReason? reason = pledge.Value.Remaining < LevyRules.MinimumPledge ? PledgeClosureReason.LowBalance
                : pledge.Value.ClosesOn < today ? PledgeClosureReason.CloseDate
                : null;
            if (reason is { } why && await closing.CloseAsync(pledge, why, LevyRules.Systems.PledgeClosing, null, cancellationToken) is Result<Pledge>.Ok)
            {
                closed.Add(pledge.Value.Id);
            }
        }

        // A close whose rejections were interrupted: finish them.
        var waiting = (await store.ApplicationsInStatusAsync(ApplicationStatus.Pending, cancellationToken)).Select(a => a.Value.PledgeId).ToHashSet(StringComparer.Ordinal);
        foreach (var pledgeId in waiting)
        {
            if (await store.FindPledgeAsync(pledgeId, cancellationToken) is { Value.Status: PledgeStatus.Closed } pledge)
            {
                await closing.RejectPendingAsync(pledge.Value, cancellationToken);
            }
        }

        return closed;
    }

    /// <summary>Whether auto-approval would approve this application today: a 100% match on an open auto-approving pledge that still covers it.</summary>
    public static bool IsAutoApprovable(PledgeApplication application, Pledge pledge, DateOnly today) =>
        pledge.AutoApproval != AutoApproval.None && pledge.IsOpenOn(today) && application.Match.Percentage == 100 && pledge.Remaining >= application.Cost;

    /// <summary>
    /// The move, but only while the rule still applies: a job's move is retried on a fresh read when it loses a race,
    /// and by then a person may have changed the application (undone an approval, say), restarting its clock.
    /// </summary>
    private static Func<PledgeApplication, string, DateTimeOffset, string?, ApplicationTransition> While(
        Func<PledgeApplication, bool> due,
        Func<PledgeApplication, string, DateTimeOffset, string?, ApplicationTransition> transition) =>
        (application, by, now, reason) => due(application) ? transition(application, by, now, reason) : ApplicationTransition.Refused("The rule no longer applies.");

    private async Task<IReadOnlyList<string>> MoveAllAsync(
        ApplicationStatus status,
        DateTimeOffset changedBefore,
        Func<PledgeApplication, string, DateTimeOffset, string?, ApplicationTransition> transition,
        string by,
        string reason,
        CancellationToken cancellationToken)
    {
        var moved = new List<string>();
        foreach (var application in await store.ApplicationsInStatusAsync(status, cancellationToken))
        {
            if (application.Value.StatusChangedAt <= changedBefore
                && await transitions.MoveAsync(application, While(a => a.StatusChangedAt <= changedBefore, transition), by, reason, cancellationToken) is Result<PledgeApplication>.Ok)
            {
                moved.Add(application.Value.Id);
            }
        }

        return moved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy daily run: {Approved} auto-approved, {Rejected} auto-rejected, {Declined} auto-declined, {Expired} expired, {Closed} pledges closed, {Recovered} recovered")]
    private static partial void LogRun(ILogger logger, int approved, int rejected, int declined, int expired, int closed, int recovered);
}
