using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// One saved candidate, filed under the candidate (PartitionKey = candidate id, RowKey = PersonKey), so the reminder
/// timer reads who saved what closes soon without scanning everyone. The person's own list is on their record.
/// </summary>
public sealed class MatchSaveEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ApplicantId { get; set; } = string.Empty;
    public DateTimeOffset SavedAt { get; set; }

    /// <summary>When the reminder a week before closing was sent.</summary>
    public DateTimeOffset? ReminderWeekAt { get; set; }

    /// <summary>When the reminder two days before closing was sent.</summary>
    public DateTimeOffset? ReminderDaysAt { get; set; }
}
