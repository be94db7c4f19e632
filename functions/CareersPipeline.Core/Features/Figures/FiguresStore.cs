using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>
/// The Figures table: a few rows per week (PartitionKey = "{set}-{yyyy-MM-dd of the Monday}", RowKey =
/// "{measure}|{door}"), each holding its cells' counts as JSON, so the dashboard reads a few hundred rows for a year,
/// never a row per person. Two sets: "live" (what the dashboard shows; the incremental path adds to it and the nightly
/// rebuild replaces it) and "erased" (what erased people contributed: counts only, added into every rebuild so the
/// figures do not shrink when people leave).
/// </summary>
public sealed class FiguresStore(TableServiceClient tables)
{
    public const string Live = "live";
    public const string Erased = "erased";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Figures);

    /// <summary>Adds <paramref name="delta"/> to the set's rows, one read-change-write (with ETag retry) per row touched.</summary>
    public async Task AddAsync(string set, FigureTally delta, CancellationToken cancellationToken)
    {
        foreach (var row in delta.Counts.GroupBy(c => (c.Key.Week, c.Key.Measure, c.Key.Door)))
        {
            var partition = PartitionOf(set, row.Key.Week);
            var rowKey = $"{row.Key.Measure}|{row.Key.Door}";
            await ETagRetry.RunAsync(async ct =>
            {
                var existing = await _table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: ct);
                var cells = existing.HasValue ? Cells(existing.Value!) : [];
                foreach (var (key, n) in row)
                {
                    var value = cells.GetValueOrDefault(key.Cell) + n;
                    if (value == 0)
                    {
                        cells.Remove(key.Cell);
                    }
                    else
                    {
                        cells[key.Cell] = value;
                    }
                }

                if (!existing.HasValue)
                {
                    if (cells.Count > 0)
                    {
                        await _table.AddEntityAsync(Entity(partition, rowKey, cells), ct);
                    }
                }
                else if (cells.Count == 0)
                {
                    await _table.DeleteEntityAsync(partition, rowKey, existing.Value!.ETag, ct);
                }
                else
                {
                    await _table.UpdateEntityAsync(Entity(partition, rowKey, cells), existing.Value!.ETag, TableUpdateMode.Replace, ct);
                }

                return true;
            }, cancellationToken);
        }
    }

    /// <summary>The set's counts for the weeks from <paramref name="fromWeek"/> to <paramref name="toWeek"/> (Mondays, inclusive).</summary>
    public async Task<FigureTally> ReadAsync(string set, DateOnly fromWeek, DateOnly toWeek, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {PartitionOf(set, fromWeek)} and PartitionKey le {PartitionOf(set, toWeek)}");
        return await ReadWhereAsync(filter, cancellationToken);
    }

    /// <summary>Every count of the set.</summary>
    public Task<FigureTally> ReadAllAsync(string set, CancellationToken cancellationToken) =>
        ReadWhereAsync(TableClient.CreateQueryFilter($"PartitionKey ge {set + "-"} and PartitionKey lt {set + "."}"), cancellationToken);

    /// <summary>
    /// Replaces the whole set with <paramref name="figures"/> (the nightly rebuild): rows written whole, one transaction
    /// per week, and rows no longer in it deleted.
    /// </summary>
    public async Task ReplaceAsync(string set, FigureTally figures, CancellationToken cancellationToken)
    {
        var wanted = figures.Counts
            .GroupBy(c => (c.Key.Week, c.Key.Measure, c.Key.Door))
            .Select(g => Entity(PartitionOf(set, g.Key.Week), $"{g.Key.Measure}|{g.Key.Door}", g.ToDictionary(c => c.Key.Cell, c => c.Value, StringComparer.Ordinal)))
            .ToList();
        var keep = wanted.Select(e => (e.PartitionKey, e.RowKey)).ToHashSet();
        var stale = new List<TableEntity>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {set + "-"} and PartitionKey lt {set + "."}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (!keep.Contains((row.PartitionKey, row.RowKey)))
            {
                stale.Add(row);
            }
        }

        var actions = wanted.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .Concat(stale.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)));
        foreach (var week in actions.GroupBy(a => a.Entity.PartitionKey))
        {
            foreach (var chunk in week.Chunk(100))
            {
                await _table.SubmitTransactionAsync(chunk, cancellationToken);
            }
        }
    }

    private async Task<FigureTally> ReadWhereAsync(string filter, CancellationToken cancellationToken)
    {
        var tally = new FigureTally();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var week = DateOnly.ParseExact(row.PartitionKey[(row.PartitionKey.IndexOf('-', StringComparison.Ordinal) + 1)..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var bar = row.RowKey.IndexOf('|', StringComparison.Ordinal);
            var measure = row.RowKey[..bar];
            var door = row.RowKey[(bar + 1)..];
            foreach (var (cell, n) in Cells(row))
            {
                tally.Add(new FigureKey(week, measure, door, cell), n);
            }
        }

        return tally;
    }

    private static string PartitionOf(string set, DateOnly week) => $"{set}-{week.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    private static Dictionary<string, long> Cells(TableEntity row) =>
        row.GetString("Counts") is { Length: > 0 } json
            ? JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? []
            : [];

    private static TableEntity Entity(string partition, string rowKey, Dictionary<string, long> cells) =>
        new(partition, rowKey) { ["Counts"] = JsonSerializer.Serialize(cells) };
}
