using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// One person's case (keyed by their sign-up's applicant id). <see cref="AutomaticRoute"/> is the route the pipeline
/// worked out when the case was taken; <see cref="RouteOverride"/> the adviser's, when they changed it (the timeline
/// keeps both, with the reason). <see cref="LastChange"/> says what the latest save did, so a refused stale save can
/// show the other person's change.
/// </summary>
public sealed record CaseRecord(
    string ApplicantId,
    CaseStatus Status,
    string OwnerId,
    string? Team,
    bool SharedWithTeam,
    DateTimeOffset SignedUpAt,
    DateTimeOffset TakenAt,
    DateTimeOffset? FirstContactAt,
    JourneyRoute? AutomaticRoute,
    JourneyRoute? RouteOverride,
    string? NextAction,
    DateOnly? NextActionDue,
    DateOnly? EmployedFrom,
    IReadOnlySet<OutcomeType> Outcomes,
    string? ClosedReason,
    string LastChange,
    string LastChangedBy,
    DateTimeOffset UpdatedAt)
{
    public JourneyRoute? Route => RouteOverride ?? AutomaticRoute;
}
