using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// Every row of the Applications table. In an opportunity's partition: the application (RowKey = its random part,
/// <see cref="Kind"/> "application", the record as JSON in <see cref="Data"/>), its events (RowKey "{row}-e{sequence}"),
/// and one row per person who applied (RowKey "person-{person key}", <see cref="ApplicationId"/> pointing at theirs) that
/// makes a second application fail in the same transaction as the first. In "person-{person key}": one row per
/// application the person made, for their status page.
/// </summary>
public sealed class ApplicationEntity : ITableEntity
{
    public const string ApplicationKind = "application", EventKind = "event", PersonKind = "person", IndexKind = "index";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = string.Empty;
    public string ApplicationId { get; set; } = string.Empty;
    public string? Status { get; set; }
    public DateTimeOffset? At { get; set; }

    /// <summary>On an event row: the queue handler has done what follows from it.</summary>
    public bool Handled { get; set; }
    public string Data { get; set; } = string.Empty;

    public static string PersonRow(string personKey) => $"person-{personKey}";

    public static string PersonPartition(string personKey) => $"person-{personKey}";

    public static string EventRow(string applicationId, int sequence) => $"{ApplicationIds.RowOf(applicationId)}-e{sequence:D4}";

    public static ApplicationEntity From(JobApplication application, ETag etag = default) => new()
    {
        PartitionKey = application.OpportunityId,
        RowKey = ApplicationIds.RowOf(application.Id),
        ETag = etag,
        Kind = ApplicationKind,
        ApplicationId = application.Id,
        Status = application.Status.ToString(),
        At = application.SubmittedAt,
        Data = JsonSerializer.Serialize(application, JsonDefaults.Options),
    };

    public static ApplicationEntity From(JobApplication application, ApplicationEvent recorded) => new()
    {
        PartitionKey = application.OpportunityId,
        RowKey = EventRow(application.Id, recorded.Sequence),
        Kind = EventKind,
        ApplicationId = application.Id,
        Status = recorded.To.ToString(),
        At = recorded.At,
        Data = JsonSerializer.Serialize(recorded, JsonDefaults.Options),
    };

    public static ApplicationEntity Guard(JobApplication application) => new()
    {
        PartitionKey = application.OpportunityId,
        RowKey = PersonRow(application.PersonKey),
        Kind = PersonKind,
        ApplicationId = application.Id,
        At = application.SubmittedAt,
    };

    public static ApplicationEntity Index(JobApplication application) => new()
    {
        PartitionKey = PersonPartition(application.PersonKey),
        RowKey = application.Id,
        Kind = IndexKind,
        ApplicationId = application.Id,
        At = application.SubmittedAt,
    };

    public JobApplication ToApplication() =>
        JsonSerializer.Deserialize<JobApplication>(Data, JsonDefaults.Options) ?? throw new InvalidOperationException($"Application row {RowKey} has no data.");

    public ApplicationEvent ToEvent() =>
        JsonSerializer.Deserialize<ApplicationEvent>(Data, JsonDefaults.Options) ?? throw new InvalidOperationException($"Event row {RowKey} has no data.");
}
