using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.ReferenceData;

/// <summary>Schools, events, programmes and employers. PartitionKey = kind, RowKey = code (upper case).</summary>
public sealed class ReferenceDataStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.ReferenceData);

    public async Task<ReferenceItem?> FindAsync(ReferenceKind kind, string code, CancellationToken cancellationToken) =>
        (await GetAsync(kind, code, cancellationToken))?.Value;

    /// <summary>The item with its version, for a change made only from what was read.</summary>
    public async Task<Versioned<ReferenceItem>?> GetAsync(ReferenceKind kind, string code, CancellationToken cancellationToken)
    {
        if (!IsCode(code))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(kind.ToString(), code.ToUpperInvariant(), cancellationToken: cancellationToken);
        return response.HasValue ? new Versioned<ReferenceItem>(ToItem(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>For a public door: whether the code exists and still takes sign-ups.</summary>
    public async Task<ReferenceCodeStatus> StatusOfAsync(ReferenceKind kind, string code, CancellationToken cancellationToken) =>
        await FindAsync(kind, code, cancellationToken) switch
        {
            null => ReferenceCodeStatus.Unknown,
            { Status: ReferenceStatus.Retired } => ReferenceCodeStatus.Retired,
            _ => ReferenceCodeStatus.Open,
        };

    public async Task UpsertAsync(ReferenceItem item, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(ToEntity(item), TableUpdateMode.Replace, cancellationToken);

    /// <summary>Adds a new code; false when it exists already.</summary>
    public async Task<ETag?> TryAddAsync(ReferenceItem item, CancellationToken cancellationToken)
    {
        try
        {
            return (await _table.AddEntityAsync(ToEntity(item), cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces the item only at <paramref name="ifMatch"/>; null when someone changed it since.</summary>
    public async Task<ETag?> TryReplaceAsync(ReferenceItem item, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            return (await _table.UpdateEntityAsync(ToEntity(item), ifMatch, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the item only at <paramref name="ifMatch"/>; false when someone changed it since.</summary>
    public async Task<bool> TryDeleteAsync(ReferenceKind kind, string code, ETag ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(kind.ToString(), code.ToUpperInvariant(), ifMatch, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Many items of one kind at once (an import), in transactions of 100. Merge keeps what the rows do not carry:
    /// an import never reopens a code an admin retired.
    /// </summary>
    public async Task MergeManyAsync(IReadOnlyList<ReferenceItem> items, CancellationToken cancellationToken)
    {
        foreach (var partition in items.GroupBy(i => i.Kind))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                var actions = chunk.Select(item =>
                {
                    var entity = ToEntity(item);
                    entity.Remove("Status");
                    return new TableTransactionAction(TableTransactionActionType.UpsertMerge, entity);
                });
                await _table.SubmitTransactionAsync(actions, cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<ReferenceItem>> ListAsync(ReferenceKind kind, CancellationToken cancellationToken) =>
        [.. (await ListVersionedAsync(kind, cancellationToken)).Select(v => v.Value)];

    /// <summary>The codes that still take sign-ups: what the site's forms and lists offer.</summary>
    public async Task<IReadOnlyList<ReferenceItem>> ListOpenAsync(ReferenceKind kind, CancellationToken cancellationToken) =>
        [.. (await ListAsync(kind, cancellationToken)).Where(i => i.Status == ReferenceStatus.Open)];

    public async Task<IReadOnlyList<Versioned<ReferenceItem>>> ListVersionedAsync(ReferenceKind kind, CancellationToken cancellationToken)
    {
        var items = new List<Versioned<ReferenceItem>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == kind.ToString(), cancellationToken: cancellationToken))
        {
            items.Add(new Versioned<ReferenceItem>(ToItem(entity), entity.ETag));
        }

        return items;
    }

    /// <summary>
    /// Up to <paramref name="take"/> codes of one kind in code order, from <paramref name="from"/> (inclusive) or the first,
    /// and the code the next page starts at (null on the last page). Reads only the rows it returns, and one more.
    /// </summary>
    public async Task<(IReadOnlyList<ReferenceItem> Items, string? Next)> PageAsync(ReferenceKind kind, string? from, int take, CancellationToken cancellationToken)
    {
        var filter = TableFilters.And(TableFilters.Equal("PartitionKey", kind.ToString()), string.IsNullOrEmpty(from) ? null : TableClient.CreateQueryFilter($"RowKey ge {from}"));
        var items = new List<ReferenceItem>(take + 1);
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: take + 1, cancellationToken: cancellationToken).AsPages())
        {
            items.AddRange(page.Values.Select(ToItem));
            if (items.Count > take || page.ContinuationToken is null)
            {
                break;
            }
        }

        return items.Count > take ? (items[..take], items[take].Code) : (items, null);
    }

    /// <summary>A code a table key can hold: what the doors and the admin API pass through.</summary>
    public static bool IsCode(string code) =>
        !string.IsNullOrWhiteSpace(code) && code.Length <= 64 && !code.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static TableEntity ToEntity(ReferenceItem item) => new(item.Kind.ToString(), item.Code.ToUpperInvariant())
    {
        ["Name"] = item.Name,
        ["Postcode"] = item.Postcode,
        ["Detail"] = item.Detail,
        ["Date"] = item.Date?.ToString("yyyy-MM-dd"),
        ["Status"] = item.Status.ToString(),
        ["LevyPayer"] = item.LevyPayer,
        ["Sector"] = item.Sector?.ToString(),
    };

    private static ReferenceItem ToItem(TableEntity entity) => new(
        Enum.Parse<ReferenceKind>(entity.PartitionKey),
        entity.RowKey,
        entity.GetString("Name") ?? string.Empty,
        entity.GetString("Postcode") ?? string.Empty,
        entity.GetString("Detail") ?? string.Empty,
        entity.GetString("Date") is { } date ? DateOnly.ParseExact(date, "yyyy-MM-dd") : null,
        Enum.TryParse<ReferenceStatus>(entity.GetString("Status"), out var status) ? status : ReferenceStatus.Open,
        entity.GetBoolean("LevyPayer"),
        Enum.TryParse<OrganisationSector>(entity.GetString("Sector"), out var sector) ? sector : null);
}
