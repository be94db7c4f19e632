using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.ReferenceData;

/// <summary>Schools, events, programmes and employers. PartitionKey = kind, RowKey = code (upper case).</summary>
public sealed class ReferenceDataStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.ReferenceData);

    public async Task<ReferenceItem?> FindAsync(ReferenceKind kind, string code, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(kind.ToString(), code.ToUpperInvariant(), cancellationToken: cancellationToken);
        return response.HasValue ? ToItem(response.Value!) : null;
    }

    public async Task UpsertAsync(ReferenceItem item, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(item.Kind.ToString(), item.Code.ToUpperInvariant())
        {
            ["Name"] = item.Name,
            ["Postcode"] = item.Postcode,
            ["Detail"] = item.Detail,
            ["Date"] = item.Date?.ToString("yyyy-MM-dd"),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ReferenceItem>> ListAsync(ReferenceKind kind, CancellationToken cancellationToken)
    {
        var items = new List<ReferenceItem>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == kind.ToString(), cancellationToken: cancellationToken))
        {
            items.Add(ToItem(entity));
        }

        return items;
    }

    private static ReferenceItem ToItem(TableEntity entity) => new(
        Enum.Parse<ReferenceKind>(entity.PartitionKey),
        entity.RowKey,
        entity.GetString("Name") ?? string.Empty,
        entity.GetString("Postcode") ?? string.Empty,
        entity.GetString("Detail") ?? string.Empty,
        entity.GetString("Date") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd") : null);
}
