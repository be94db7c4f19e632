namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// A search of the staff access audit trail: by person (applicant id), member of staff (subject id) and a date range
/// (<paramref name="From"/> inclusive, <paramref name="To"/> inclusive, whole UTC days), one page at a time.
/// <paramref name="Continuation"/> is the previous page's token.
/// </summary>
public sealed record AuditQuery(string? ApplicantId, string? StaffId, DateOnly? From, DateOnly? To, int PageSize, string? Continuation);
