using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// Reads and writes applications. Applying and every move are one transaction in the opportunity's partition: the
/// application with its event (and, when applying, the row that stops the same person applying twice), each move
/// conditional on the ETag that was read.
/// </summary>
public sealed class ApplicationStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Applications);

    /// <summary>Adds the application, its first event and its person row together; false when the person has already applied.</summary>
    public async Task<ETag?> TryAddAsync(JobApplication application, ApplicationEvent first, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ApplicationEntity.From(application)),
                    new TableTransactionAction(TableTransactionActionType.Add, ApplicationEntity.From(application, first)),
                    new TableTransactionAction(TableTransactionActionType.Add, ApplicationEntity.Guard(application)),
                ],
                cancellationToken);
            return response.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces the application and adds its event together, if nobody changed it since <paramref name="etag"/>; the new version, or null when someone did.</summary>
    public async Task<ETag?> TryMoveAsync(JobApplication application, ApplicationEvent recorded, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, ApplicationEntity.From(application), etag),
                    new TableTransactionAction(TableTransactionActionType.Add, ApplicationEntity.From(application, recorded)),
                ],
                cancellationToken);
            return response.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
        {
            // 412: the application changed; 409: another move added the same event first.
            return null;
        }
    }

    public async Task<Versioned<JobApplication>?> FindAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (!ApplicationIds.IsWellFormed(applicationId))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<ApplicationEntity>(ApplicationIds.OpportunityOf(applicationId), ApplicationIds.RowOf(applicationId), cancellationToken: cancellationToken);
        return response.HasValue && response.Value!.Kind == ApplicationEntity.ApplicationKind
            ? new Versioned<JobApplication>(response.Value.ToApplication(), response.Value.ETag)
            : null;
    }

    /// <summary>The person's application for the opportunity, if they have made one.</summary>
    public async Task<Versioned<JobApplication>?> FindForPersonAsync(string opportunityId, string personKey, CancellationToken cancellationToken)
    {
        var guard = await _table.GetEntityIfExistsAsync<ApplicationEntity>(opportunityId, ApplicationEntity.PersonRow(personKey), cancellationToken: cancellationToken);
        return guard.HasValue ? await FindAsync(guard.Value!.ApplicationId, cancellationToken) : null;
    }

    /// <summary>Every application for one opportunity: one partition, application rows only.</summary>
    public async Task<IReadOnlyList<Versioned<JobApplication>>> ListAsync(string opportunityId, CancellationToken cancellationToken)
    {
        var result = new List<Versioned<JobApplication>>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {opportunityId} and Kind eq {ApplicationEntity.ApplicationKind}");
        await foreach (var row in _table.QueryAsync<ApplicationEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(new Versioned<JobApplication>(row.ToApplication(), row.ETag));
        }

        return result;
    }

    public async Task<IReadOnlyList<ApplicationEvent>> EventsAsync(string applicationId, CancellationToken cancellationToken)
    {
        var row = ApplicationIds.RowOf(applicationId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ApplicationIds.OpportunityOf(applicationId)} and RowKey gt {row + "-e"} and RowKey lt {row + "-f"}");
        var events = new List<ApplicationEvent>();
        await foreach (var entity in _table.QueryAsync<ApplicationEntity>(filter, cancellationToken: cancellationToken))
        {
            events.Add(entity.ToEvent());
        }

        return [.. events.OrderBy(e => e.Sequence)];
    }

    /// <summary>The event and whether what follows from it was done.</summary>
    public async Task<(ApplicationEvent Event, bool Handled)?> FindEventAsync(string applicationId, int sequence, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ApplicationEntity>(ApplicationIds.OpportunityOf(applicationId), ApplicationEntity.EventRow(applicationId, sequence), cancellationToken: cancellationToken);
        return response.HasValue ? (response.Value!.ToEvent(), response.Value.Handled) : null;
    }

    public async Task MarkHandledAsync(string applicationId, int sequence, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(ApplicationIds.OpportunityOf(applicationId), ApplicationEntity.EventRow(applicationId, sequence)) { [nameof(ApplicationEntity.Handled)] = true };
        await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>Files the application under its person (idempotent).</summary>
    public Task IndexAsync(JobApplication application, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ApplicationEntity.Index(application), TableUpdateMode.Replace, cancellationToken);

    public async Task<IReadOnlyList<string>> IdsOfPersonAsync(string personKey, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var row in _table.QueryAsync<ApplicationEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ApplicationEntity.PersonPartition(personKey)}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(row.RowKey);
        }

        return ids;
    }

    /// <summary>Deletes the application, its events, its person row and its place in the person's list; returns how many rows.</summary>
    public async Task<int> DeleteAsync(JobApplication application, CancellationToken cancellationToken)
    {
        var row = ApplicationIds.RowOf(application.Id);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {application.OpportunityId} and RowKey ge {row} and RowKey lt {row + "-f"}");
        var keys = new List<(string Partition, string Row)>
        {
            (application.OpportunityId, ApplicationEntity.PersonRow(application.PersonKey)),
            (ApplicationEntity.PersonPartition(application.PersonKey), application.Id),
        };
        await foreach (var entity in _table.QueryAsync<ApplicationEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add((entity.PartitionKey, entity.RowKey));
        }

        var deleted = 0;
        foreach (var (partition, rowKey) in keys)
        {
            try
            {
                await _table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Gone already (an erasure run again after an interruption).
            }
        }

        return deleted;
    }
}
