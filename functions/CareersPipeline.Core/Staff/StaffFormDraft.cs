namespace CareersPipeline.Core.Staff;

/// <summary>
/// A staff form in progress across question pages: the answers so far (by field, as posted), what it is for
/// (<see cref="Kind"/>, and <see cref="TargetId"/> when it edits a record) and the record's version when the edit began, so
/// the save can refuse to overwrite someone else's change.
/// </summary>
public sealed record StaffFormDraft(
    string Id,
    string Kind,
    string? TargetId,
    string? TargetVersion,
    IReadOnlyDictionary<string, string[]> Answers,
    DateTimeOffset UpdatedAt);
