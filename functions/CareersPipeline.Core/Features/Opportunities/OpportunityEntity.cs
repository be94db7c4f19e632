using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>
/// An opportunity row: the whole record as JSON in <see cref="Data"/>, plus the columns that queries filter on.
/// PartitionKey = opportunity id, RowKey = "opportunity".
/// </summary>
public sealed class OpportunityEntity : ITableEntity
{
    public const string Row = "opportunity";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public string EmployerCode { get; set; } = string.Empty;
    public string CareerFamily { get; set; } = string.Empty;
    public int? Level { get; set; }
    public string ClosingDate { get; set; } = string.Empty;
    public string Source { get; set; } = string.Empty;
    public string? ExternalReference { get; set; }
    public string Data { get; set; } = string.Empty;

    public static OpportunityEntity From(Opportunity opportunity, ETag etag = default) => new()
    {
        PartitionKey = opportunity.Id,
        ETag = etag,
        Kind = opportunity.Kind.ToString(),
        Status = opportunity.Status.ToString(),
        EmployerCode = opportunity.EmployerCode,
        CareerFamily = opportunity.CareerFamily.ToString(),
        Level = opportunity.Level,
        ClosingDate = opportunity.ClosingDate.ToString("yyyy-MM-dd"),
        Source = opportunity.Source.ToString(),
        ExternalReference = opportunity.ExternalReference,
        Data = JsonSerializer.Serialize(opportunity, JsonDefaults.Options),
    };

    public Opportunity ToOpportunity() =>
        JsonSerializer.Deserialize<Opportunity>(Data, JsonDefaults.Options) ?? throw new InvalidOperationException($"Opportunity {PartitionKey} has no data.");
}
