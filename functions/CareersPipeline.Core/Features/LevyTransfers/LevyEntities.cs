using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// A row of the levy-transfer table: a pledge (RowKey "pledge") or one of its applications (RowKey = application id),
/// all in the pledge's partition. The record is JSON in <see cref="Data"/>; the other columns are what queries filter on.
/// </summary>
public sealed class LevyEntity : ITableEntity
{
    public const string PledgeRow = "pledge";
    public const string PledgeType = "Pledge";
    public const string ApplicationType = "Application";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Type { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;

    /// <summary>For a pledge its owner; for an application the receiving employer.</summary>
    public string EmployerCode { get; set; } = string.Empty;

    public string? PledgeEmployerCode { get; set; }
    public string? ClosesOn { get; set; }
    public string Data { get; set; } = string.Empty;

    public static LevyEntity From(Pledge pledge, ETag etag = default) => new()
    {
        PartitionKey = pledge.Id,
        RowKey = PledgeRow,
        ETag = etag,
        Type = PledgeType,
        Status = pledge.Status.ToString(),
        EmployerCode = pledge.EmployerCode,
        ClosesOn = pledge.ClosesOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Data = JsonSerializer.Serialize(pledge, JsonDefaults.Options),
    };

    public static LevyEntity From(PledgeApplication application, ETag etag = default) => new()
    {
        PartitionKey = application.PledgeId,
        RowKey = application.Id,
        ETag = etag,
        Type = ApplicationType,
        Status = application.Status.ToString(),
        EmployerCode = application.EmployerCode,
        PledgeEmployerCode = application.PledgeEmployerCode,
        Data = JsonSerializer.Serialize(application, JsonDefaults.Options),
    };

    public Pledge ToPledge() =>
        JsonSerializer.Deserialize<Pledge>(Data, JsonDefaults.Options) ?? throw new InvalidOperationException($"Pledge {PartitionKey} has no data.");

    public PledgeApplication ToApplication() =>
        JsonSerializer.Deserialize<PledgeApplication>(Data, JsonDefaults.Options) ?? throw new InvalidOperationException($"Application {RowKey} has no data.");
}
