using System.Text.Json;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Runs;

/// <summary>
/// Runs of the long jobs, so admins can see progress and the last result. PartitionKey = the kind, RowKey = inverted
/// start ticks and a random suffix, so a kind's runs read newest first. A job records its own start and finish (the
/// timer's runs and the admin's alike); a record is never updated by anyone else.
/// </summary>
public sealed class RunRecordStore(TableServiceClient tables, TimeProvider time)
{
    /// <summary>Who started a timer's run.</summary>
    public const string Timer = "timer";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Runs);

    public async Task<RunRecord> StartAsync(RunKind kind, string startedBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var run = new RunRecord($"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{Guid.NewGuid():n}"[..28], kind, startedBy, now, null, RunOutcome.Running, new Dictionary<string, int>(), null);
        await _table.AddEntityAsync(ToEntity(run), cancellationToken);
        return run;
    }

    public async Task<RunRecord> FinishAsync(RunRecord run, RunOutcome outcome, IReadOnlyDictionary<string, int> counts, string? detail, CancellationToken cancellationToken)
    {
        var finished = run with { FinishedAt = time.GetUtcNow(), Outcome = outcome, Counts = counts, Detail = detail };
        await _table.UpsertEntityAsync(ToEntity(finished), TableUpdateMode.Replace, cancellationToken);
        return finished;
    }

    /// <summary>Runs <paramref name="job"/> between a start and a finish record; a throw is recorded as a failure and rethrown.</summary>
    public async Task<T> RecordAsync<T>(RunKind kind, string startedBy, Func<CancellationToken, Task<T>> job, Func<T, (RunOutcome Outcome, IReadOnlyDictionary<string, int> Counts, string? Detail)> describe, CancellationToken cancellationToken)
    {
        var run = await StartAsync(kind, startedBy, cancellationToken);
        T result;
        try
        {
            result = await job(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception's type only: its message could carry anything.
            await FinishAsync(run, RunOutcome.Failed, new Dictionary<string, int>(), $"Stopped by an error ({e.GetType().Name}); see the logs.", CancellationToken.None);
            throw;
        }

        var (outcome, counts, detail) = describe(result);
        await FinishAsync(run, outcome, counts, detail, CancellationToken.None);
        return result;
    }

    public async Task<RunRecord?> FindAsync(RunKind kind, string id, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(kind.ToString(), id, cancellationToken: cancellationToken);
        return response.HasValue ? ToRecord(response.Value!) : null;
    }

    /// <summary>The newest <paramref name="take"/> runs of a kind.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(RunKind kind, int take, CancellationToken cancellationToken)
    {
        var runs = new List<RunRecord>();
        await foreach (var page in _table.QueryAsync<TableEntity>(TableFilters.Equal("PartitionKey", kind.ToString()), maxPerPage: take, cancellationToken: cancellationToken).AsPages())
        {
            runs.AddRange(page.Values.Select(ToRecord));
            break;
        }

        return runs;
    }

    private static TableEntity ToEntity(RunRecord run) => new(run.Kind.ToString(), run.Id)
    {
        ["StartedBy"] = run.StartedBy,
        ["StartedAt"] = run.StartedAt,
        ["FinishedAt"] = run.FinishedAt,
        ["Outcome"] = run.Outcome.ToString(),
        ["Counts"] = JsonSerializer.Serialize(run.Counts, JsonDefaults.Options),
        ["Detail"] = run.Detail,
    };

    private static RunRecord ToRecord(TableEntity e) => new(
        e.RowKey,
        Enum.Parse<RunKind>(e.PartitionKey),
        e.GetString("StartedBy") ?? string.Empty,
        e.GetDateTimeOffset("StartedAt") ?? default,
        e.GetDateTimeOffset("FinishedAt"),
        Enum.TryParse<RunOutcome>(e.GetString("Outcome"), out var outcome) ? outcome : RunOutcome.Running,
        JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString("Counts") ?? "{}", JsonDefaults.Options) ?? [],
        e.GetString("Detail"));
}
