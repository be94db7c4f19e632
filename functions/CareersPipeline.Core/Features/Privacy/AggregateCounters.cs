using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Anonymous counts that survive erasure (the Aggregates table): for example, sign-ups by month, door and route of
/// people who have since been erased, so the service's metrics do not shrink when people leave. Counts only: no ids.
/// </summary>
public sealed class AggregateCounters(TableServiceClient tables)
{
    /// <summary>Sign-ups erased, by "{yyyy-MM of sign-up}|{door}|{route}|{reason}".</summary>
    public const string ErasedSignUps = "erased-signups";

    /// <summary>People erased, by "{yyyy-MM of erasure}|{reason}".</summary>
    public const string Erasures = "erasures";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Aggregates);

    /// <exception cref="ETagConflictException">Other counts won <see cref="ETagRetry.MaxAttempts"/> times.</exception>
    public async Task IncrementAsync(string counter, string key, int by, CancellationToken cancellationToken) =>
        // Another erasure may count at the same moment (412, or 409 when both added the row): read again.
        await ETagRetry.RunAsync(async ct =>
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(counter, key, cancellationToken: ct);
            if (existing.HasValue)
            {
                var row = existing.Value!;
                row["Count"] = (row.GetInt64("Count") ?? 0) + by;
                return await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, ct);
            }

            return await _table.AddEntityAsync(new TableEntity(counter, key) { ["Count"] = (long)by }, ct);
        }, cancellationToken);

    public async Task<IReadOnlyDictionary<string, long>> ReadAsync(string counter, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {counter}"), cancellationToken: cancellationToken))
        {
            result[row.RowKey] = row.GetInt64("Count") ?? 0;
        }

        return result;
    }
}
