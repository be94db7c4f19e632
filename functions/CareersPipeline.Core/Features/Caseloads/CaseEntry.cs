namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// One line of a case's timeline. <see cref="Type"/> is the intervention or outcome type (or the new status, or route);
/// <see cref="Notes"/> is the adviser's free text: personal data, exported to the person, erased with them, never logged.
/// </summary>
public sealed record CaseEntry(
    string Id,
    CaseEntryKind Kind,
    DateTimeOffset RecordedAt,
    string RecordedBy,
    DateOnly On,
    string? Type,
    int? Minutes,
    string? Notes,
    string? Employer,
    string? Role,
    string? Detail);
