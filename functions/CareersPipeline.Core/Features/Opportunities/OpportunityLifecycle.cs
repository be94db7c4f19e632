namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// Draft -> Live -> Closed -> Archived, and nothing else (a draft may also be archived unpublished).
/// Each move is checked here and recorded in the history; an illegal move is refused, never applied.
/// </summary>
public static class OpportunityLifecycle
{
    public static TransitionResult Publish(Opportunity opportunity, DateOnly today, string by, DateTimeOffset now)
    {
        if (opportunity.Status != OpportunityStatus.Draft)
        {
            return Refuse(opportunity, OpportunityStatus.Live);
        }

        if (opportunity.ClosingDate < today)
        {
            return TransitionResult.Refused($"The closing date {opportunity.ClosingDate:yyyy-MM-dd} has passed: change it before publishing.");
        }

        return Move(opportunity, OpportunityStatus.Live, by, now);
    }

    public static TransitionResult Close(Opportunity opportunity, ClosureReason reason, string? note, string by, DateTimeOffset now) =>
        opportunity.Status == OpportunityStatus.Live
            ? Move(opportunity with { ClosureReason = reason, ClosureNote = note }, OpportunityStatus.Closed, by, now, reason, note)
            : Refuse(opportunity, OpportunityStatus.Closed);

    public static TransitionResult Archive(Opportunity opportunity, string by, DateTimeOffset now) =>
        opportunity.Status is OpportunityStatus.Closed or OpportunityStatus.Draft
            ? Move(opportunity, OpportunityStatus.Archived, by, now)
            : Refuse(opportunity, OpportunityStatus.Archived);

    /// <summary>Content may change while Draft or Live; closed and archived opportunities are a record of what was advertised.</summary>
    public static bool CanEdit(OpportunityStatus status) => status is OpportunityStatus.Draft or OpportunityStatus.Live;

    private static TransitionResult Move(Opportunity opportunity, OpportunityStatus to, string by, DateTimeOffset now, ClosureReason? reason = null, string? note = null) =>
        TransitionResult.Moved(opportunity with
        {
            Status = to,
            UpdatedAt = now,
            History = [.. opportunity.History, new StatusChange(opportunity.Status, to, now, by, reason, note)],
        });

    private static TransitionResult Refuse(Opportunity opportunity, OpportunityStatus to) =>
        TransitionResult.Refused($"An opportunity that is {opportunity.Status} cannot become {to}.");
}

public sealed record TransitionResult(Opportunity? Opportunity, string? Error)
{
    public static TransitionResult Moved(Opportunity opportunity) => new(opportunity, null);

    public static TransitionResult Refused(string error) => new(null, error);
}
