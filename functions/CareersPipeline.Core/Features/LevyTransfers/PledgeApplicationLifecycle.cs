namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// The application state machine. Pending -> Approved | Rejected | Withdrawn; Approved -> Accepted | Declined
/// (| back to Pending); Accepted -> FundsUsed | FundsExpired | WithdrawnAfterAcceptance. Every other move is refused,
/// never applied; every move is recorded in the history with who made it, when and why.
/// </summary>
public static class PledgeApplicationLifecycle
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Moves = new()
    {
        [ApplicationStatus.Pending] = [ApplicationStatus.Approved, ApplicationStatus.Rejected, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Approved] = [ApplicationStatus.Accepted, ApplicationStatus.Declined, ApplicationStatus.Pending],
        [ApplicationStatus.Accepted] = [ApplicationStatus.FundsUsed, ApplicationStatus.FundsExpired, ApplicationStatus.WithdrawnAfterAcceptance],
    };

    public static ApplicationTransition Approve(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.Approved, by, now, reason);

    public static ApplicationTransition Reject(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.Rejected, by, now, reason);

    /// <summary>The applicant withdraws before a decision. After acceptance it is <see cref="WithdrawAfterAcceptance"/>.</summary>
    public static ApplicationTransition Withdraw(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.Withdrawn, by, now, reason);

    public static ApplicationTransition Accept(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.Accepted, by, now, reason);

    public static ApplicationTransition Decline(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.Declined, by, now, reason);

    /// <summary>The pledge owner undoes an approval the applicant has not yet accepted.</summary>
    public static ApplicationTransition RevertToPending(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.Pending, by, now, reason);

    public static ApplicationTransition MarkFundsUsed(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.FundsUsed, by, now, reason);

    public static ApplicationTransition Expire(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.FundsExpired, by, now, reason);

    public static ApplicationTransition WithdrawAfterAcceptance(PledgeApplication application, string by, DateTimeOffset now, string? reason = null) =>
        Move(application, ApplicationStatus.WithdrawnAfterAcceptance, by, now, reason);

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) => NextFrom(from).Contains(to);

    public static IReadOnlyList<ApplicationStatus> NextFrom(ApplicationStatus from) => Moves.TryGetValue(from, out var next) ? next : [];

    /// <summary>Whether an application in this status holds a reservation on its pledge.</summary>
    public static bool HoldsFunds(ApplicationStatus status) =>
        status is ApplicationStatus.Approved or ApplicationStatus.Accepted or ApplicationStatus.FundsUsed;

    private static ApplicationTransition Move(PledgeApplication application, ApplicationStatus to, string by, DateTimeOffset now, string? reason)
    {
        if (!CanMove(application.Status, to))
        {
            return ApplicationTransition.Refused($"An application that is {application.Status} cannot become {to}.");
        }

        return ApplicationTransition.Moved(application with
        {
            Status = to,
            StatusChangedAt = now,
            UpdatedAt = now,
            History = [.. application.History, new ApplicationStatusChange(application.Status, to, now, by, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim())],
        });
    }
}

public sealed record ApplicationTransition(PledgeApplication? Application, string? Error)
{
    public static ApplicationTransition Moved(PledgeApplication application) => new(application, null);

    public static ApplicationTransition Refused(string error) => new(null, error);
}
