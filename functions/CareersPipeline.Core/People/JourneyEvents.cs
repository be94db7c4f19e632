using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.People;

/// <summary>
/// The dated journey events of each person (PartitionKey = person key, RowKey = "{stage}-{reference}"), and the stage
/// on their sign-ups. Recording the same stage for the same reference twice keeps the first, so a queue that delivers
/// a message again does not count a step twice; the sign-ups' stage only ever moves forward. Every change is told to the
/// <see cref="IJourneyEventObserver"/>s (the figures) with the person's events before and after it.
/// </summary>
public sealed class JourneyEvents(TableServiceClient tables, ApplicantStore applicants, IEnumerable<IJourneyEventObserver> observers)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.JourneyEvents);
    private readonly IJourneyEventObserver[] _observers = [.. observers];

    public async Task RecordAsync(JourneyEvent journeyEvent, IReadOnlyList<string> applicantIds, CancellationToken cancellationToken)
    {
        var before = _observers.Length == 0 ? [] : await ListAsync(journeyEvent.PersonKey, cancellationToken);
        var added = false;
        try
        {
            await _table.AddEntityAsync(JourneyEventEntity.From(journeyEvent), cancellationToken);
            added = true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Recorded already (a redelivered message): the first date stands.
        }

        if (added)
        {
            await NotifyAsync(before, [.. before, journeyEvent], cancellationToken);
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

    /// <summary>Removes one event that should not have been recorded (a sign-up that turned out to correct an earlier one).</summary>
    public async Task ForgetAsync(string personKey, JourneyStage stage, string reference, CancellationToken cancellationToken)
    {
        var before = await ListAsync(personKey, cancellationToken);
        var gone = before.FirstOrDefault(e => e.Stage == stage && e.Reference == reference);
        if (gone is null)
        {
            return;
        }

        await _table.DeleteEntityAsync(personKey, RowKeyOf(stage, reference), ETag.All, cancellationToken);
        await NotifyAsync(before, [.. before.Where(e => e != gone)], cancellationToken);
    }

    /// <summary>
    /// Files a sign-up's events under its person's key (verifying its address merged it into them). Safe to run again:
    /// an event already copied keeps its first date.
    /// </summary>
    public async Task MoveAsync(string fromKey, string toKey, CancellationToken cancellationToken)
    {
        var moving = await ListAsync(fromKey, cancellationToken);
        if (moving.Count == 0 || fromKey == toKey)
        {
            return;
        }

        var toBefore = await ListAsync(toKey, cancellationToken);
        foreach (var e in moving)
        {
            try
            {
                await _table.AddEntityAsync(JourneyEventEntity.From(e with { PersonKey = toKey }), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Copied by an earlier, interrupted merge (or the same step already recorded for the person).
            }
        }

        foreach (var e in moving)
        {
            await _table.DeleteEntityAsync(fromKey, RowKeyOf(e.Stage, e.Reference), ETag.All, cancellationToken);
        }

        await NotifyAsync(moving, [], cancellationToken);
        await NotifyAsync(toBefore, await ListAsync(toKey, cancellationToken), cancellationToken);
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

    /// <summary>
    /// Every person's events, one person at a time (the table is read in partition order, so a person's rows come
    /// together): what a summary is rebuilt from.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<JourneyEvent>> EveryPersonAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var person = new List<JourneyEvent>();
        await foreach (var row in _table.QueryAsync<JourneyEventEntity>(cancellationToken: cancellationToken))
        {
            if (person.Count > 0 && person[0].PersonKey != row.PartitionKey)
            {
                yield return [.. person.OrderBy(e => e.At)];
                person = [];
            }

            person.Add(row.ToEvent());
        }

        if (person.Count > 0)
        {
            yield return [.. person.OrderBy(e => e.At)];
        }
    }

    /// <summary>Deletes every event of the person (erasure); returns how many. Observers hear first, to keep counts only.</summary>
    public async Task<int> DeleteAsync(string personKey, CancellationToken cancellationToken)
    {
        var events = await ListAsync(personKey, cancellationToken);
        if (events.Count > 0)
        {
            foreach (var observer in _observers)
            {
                await observer.ErasingAsync(events, cancellationToken);
            }
        }

        var deleted = 0;
        foreach (var e in events)
        {
            await _table.DeleteEntityAsync(personKey, RowKeyOf(e.Stage, e.Reference), ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private async Task NotifyAsync(IReadOnlyList<JourneyEvent> before, IReadOnlyList<JourneyEvent> after, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            await observer.ChangedAsync(before, [.. after.OrderBy(e => e.At)], cancellationToken);
        }
    }

    private static string RowKeyOf(JourneyStage stage, string reference) => $"{stage}-{reference}";

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
            RowKey = RowKeyOf(e.Stage, e.Reference),
            Stage = e.Stage.ToString(),
            At = e.At,
            Reference = e.Reference,
            Door = e.Door,
            Route = e.Route,
        };

        public JourneyEvent ToEvent() => new(PartitionKey, Enum.Parse<JourneyStage>(Stage), At, Reference, Door, Route);
    }
}
