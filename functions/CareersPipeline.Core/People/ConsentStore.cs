using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.People;

/// <summary>
/// The Consents table. PartitionKey = PersonKey (so one person's sign-ups through several doors share one consent
/// state); RowKey "current-{Purpose}" holds the current state and "history-{inverted ticks}-{random}" the append-only
/// history, newest first. The current row and its history entry are written in one transaction.
/// </summary>
public sealed class ConsentStore(TableServiceClient tables)
{
    private const string CurrentPrefix = "current-";
    private const string HistoryPrefix = "history-";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Consents);

    /// <summary>
    /// Makes <paramref name="change"/> the current state and appends it to the history; false (and nothing written)
    /// when the current state already says exactly this, so retried requests do not repeat history.
    /// </summary>
    /// <exception cref="ETagConflictException">Other changes to the same purpose won <see cref="ETagRetry.MaxAttempts"/> times.</exception>
    public Task<bool> RecordAsync(string personKey, ConsentView change, CancellationToken cancellationToken) =>
        // Another change to the same purpose may get there first (412, or 409 when both added it): read again and re-decide.
        ETagRetry.RunAsync(async ct =>
        {
            var existing = await _table.GetEntityIfExistsAsync<ConsentEntity>(personKey, CurrentPrefix + change.Purpose, cancellationToken: ct);
            var current = existing.HasValue ? existing.Value : null;
            if (current is not null && Same(current.ToView(), change))
            {
                return false;
            }

            var currentRow = ConsentEntity.From(personKey, CurrentPrefix + change.Purpose, change);
            var historyRow = ConsentEntity.From(personKey, $"{HistoryPrefix}{DateTimeOffset.MaxValue.UtcTicks - change.At.UtcTicks:D19}-{Guid.NewGuid():n}", change);
            TableTransactionAction[] actions =
            [
                current is null
                    ? new TableTransactionAction(TableTransactionActionType.Add, currentRow)
                    : new TableTransactionAction(TableTransactionActionType.UpdateReplace, currentRow, current.ETag),
                new TableTransactionAction(TableTransactionActionType.Add, historyRow),
            ];
            await _table.SubmitTransactionAsync(actions, ct);
            return true;
        }, cancellationToken);

    public async Task<IReadOnlyList<ConsentView>> CurrentAsync(string personKey, CancellationToken cancellationToken) =>
        await QueryAsync(personKey, CurrentPrefix, cancellationToken);

    public async Task<ConsentView?> CurrentAsync(string personKey, ConsentPurpose purpose, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ConsentEntity>(personKey, CurrentPrefix + purpose, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value!.ToView() : null;
    }

    /// <summary>Every change, newest first.</summary>
    public async Task<IReadOnlyList<ConsentView>> HistoryAsync(string personKey, CancellationToken cancellationToken) =>
        await QueryAsync(personKey, HistoryPrefix, cancellationToken);

    /// <summary>When the person last changed any consent, or null.</summary>
    public async Task<DateTimeOffset?> LatestChangeAsync(string personKey, CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<ConsentEntity>(PrefixFilter(personKey, HistoryPrefix), maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row.At;
        }

        return null;
    }

    /// <summary>The people with any consent held, for the retention job's orphan sweep.</summary>
    public async Task<IReadOnlyList<string>> PersonKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var filter = $"RowKey ge '{CurrentPrefix}' and RowKey lt '{Successor(CurrentPrefix)}'";
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.PartitionKey);
        }

        return [.. keys];
    }

    /// <summary>Deletes the person's current state and history (all but <paramref name="keep"/>'s); returns the rows deleted.</summary>
    public async Task<int> DeleteAllAsync(string personKey, CancellationToken cancellationToken) => await DeleteAllAsync(personKey, null, cancellationToken);

    public async Task<int> DeleteAllAsync(string personKey, ConsentPurpose? keep, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var batch = new List<TableTransactionAction>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personKey}"), select: ["PartitionKey", "RowKey", "Purpose"], cancellationToken: cancellationToken))
        {
            if (keep is { } kept && row.GetString("Purpose") == kept.ToString())
            {
                continue;
            }

            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All));
            if (batch.Count == 100)
            {
                deleted += await SubmitDeletesAsync(batch, cancellationToken);
            }
        }

        return deleted + await SubmitDeletesAsync(batch, cancellationToken);
    }

    private async Task<int> SubmitDeletesAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken)
    {
        var count = batch.Count;
        if (count > 0)
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
            batch.Clear();
        }

        return count;
    }

    private async Task<IReadOnlyList<ConsentView>> QueryAsync(string personKey, string prefix, CancellationToken cancellationToken)
    {
        var result = new List<ConsentView>();
        await foreach (var row in _table.QueryAsync<ConsentEntity>(PrefixFilter(personKey, prefix), cancellationToken: cancellationToken))
        {
            result.Add(row.ToView());
        }

        return result;
    }

    private static string PrefixFilter(string personKey, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {personKey} and RowKey ge {prefix} and RowKey lt {Successor(prefix)}");

    // "current-" .. "current." covers every key starting with the prefix ('.' follows '-').
    private static string Successor(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    private static bool Same(ConsentView a, ConsentView b) =>
        a.Granted == b.Granted
        && a.WordingVersion == b.WordingVersion
        && a.GivenBy == b.GivenBy
        && a.Channel == b.Channel
        && a.ApplicantId == b.ApplicantId
        && a.StaffSubjectId == b.StaffSubjectId;

    private sealed class ConsentEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public string Purpose { get; set; } = string.Empty;
        public bool Granted { get; set; }
        public string WordingVersion { get; set; } = string.Empty;
        public DateTimeOffset At { get; set; }
        public string GivenBy { get; set; } = string.Empty;
        public string Channel { get; set; } = string.Empty;
        public string? ApplicantId { get; set; }
        public string? Door { get; set; }
        public string? DoorCode { get; set; }
        public string? StaffSubjectId { get; set; }

        public static ConsentEntity From(string personKey, string rowKey, ConsentView view) => new()
        {
            PartitionKey = personKey,
            RowKey = rowKey,
            Purpose = view.Purpose.ToString(),
            Granted = view.Granted,
            WordingVersion = view.WordingVersion,
            At = view.At,
            GivenBy = view.GivenBy.ToString(),
            Channel = view.Channel.ToString(),
            ApplicantId = view.ApplicantId,
            Door = view.Door,
            DoorCode = view.DoorCode,
            StaffSubjectId = view.StaffSubjectId,
        };

        public ConsentView ToView() => new(
            Enum.Parse<ConsentPurpose>(Purpose),
            Granted,
            WordingVersion,
            At,
            Enum.Parse<ConsentGivenBy>(GivenBy),
            Enum.Parse<ConsentChannel>(Channel),
            ApplicantId,
            Door,
            DoorCode,
            StaffSubjectId);
    }
}
