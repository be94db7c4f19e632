namespace CareersPipeline.Core.Runs;

/// <summary>
/// One run of a job: when it started and finished, by whom (a staff subject id, or "timer"), how it ended, and its
/// counts (pages, files, vacancies added...). <paramref name="Detail"/> is a sentence for people, never personal data.
/// </summary>
public sealed record RunRecord(
    string Id,
    RunKind Kind,
    string StartedBy,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    RunOutcome Outcome,
    IReadOnlyDictionary<string, int> Counts,
    string? Detail);
