namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>One line of a caseload list. <see cref="SustainedCheckMonths"/>: a sustained-in-work check (3 or 6 months) is due.</summary>
public sealed record CaseSummary(
    string ApplicantId,
    string FirstName,
    string LastName,
    CaseStatus Status,
    string OwnerId,
    string? Team,
    string? NextAction,
    DateOnly? NextActionDue,
    bool ActionOverdue,
    bool ActionDueToday,
    bool ContactOverdue,
    int? SustainedCheckMonths = null);
