using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.People;

/// <summary>
/// The dated journey events of each person (PartitionKey = person key, RowKey = "{stage}-{reference}"), and the stage
/// on their sign-ups. Recording the same stage for the same reference twice keeps the first, so a queue that delivers
/// a message again does not count a step twice; the sign-ups' stage only ever moves forward.
/// </summary>
public sealed class JourneyEvents(TableServiceClient tables, ApplicantStore applicants)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.JourneyEvents);

    public async Task RecordAsync(JourneyEvent journeyEvent, IReadOnlyList<string> applicantIds, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(JourneyEventEntity.From(journeyEvent), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded already (a redelivered message): the first date stands.
        }

        foreach (var applicantId in applicantIds)
        {
            await applicants.ChangeAsync(applicantId, a =>
            {
                if (Enum.TryParse<JourneyStage>(a.Stage, out var current) && current >= journeyEvent.Stage)
                {
                    return false;
                }

                a.Stage = journeyEvent.Stage.ToString();
                return true;
            }, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<JourneyEvent>> ListAsync(string personKey, CancellationToken cancellationToken)
    {
        var events = new List<JourneyEvent>();
        await foreach (var row in _table.QueryAsync<JourneyEventEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personKey}"), cancellationToken: cancellationToken))
        {
            events.Add(row.ToEvent());
        }

        return [.. events.OrderBy(e => e.At)];
    }

    /// <summary>Deletes every event of the person; returns how many.</summary>
    public async Task<int> DeleteAsync(string personKey, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in _table.QueryAsync<JourneyEventEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {personKey}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private sealed class JourneyEventEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public string Stage { get; set; } = string.Empty;
        public DateTimeOffset At { get; set; }
        public string Reference { get; set; } = string.Empty;
        public string? Door { get; set; }
        public string? Route { get; set; }

        public static JourneyEventEntity From(JourneyEvent e) => new()
        {
            PartitionKey = e.PersonKey,
            RowKey = $"{e.Stage}-{e.Reference}",
            Stage = e.Stage.ToString(),
            At = e.At,
            Reference = e.Reference,
            Door = e.Door,
            Route = e.Route,
        };

        public JourneyEvent ToEvent() => new(PartitionKey, Enum.Parse<JourneyStage>(Stage), At, Reference, Door, Route);
    }
}
