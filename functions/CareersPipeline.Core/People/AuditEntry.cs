namespace CareersPipeline.Core.People;

/// <summary>One audit entry. <paramref name="Record"/> is the applicant id, or "erased-{reference}" after erasure.</summary>
public sealed record AuditEntry(
    string Record,
    DateTimeOffset At,
    string Action,
    AuditActor Actor,
    string? StaffSubjectId,
    string? StaffName,
    string? StaffRoles,
    string? Endpoint,
    string? Detail);
