using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Reads and writes pledges and applications. Every replace is conditional on the ETag that was read; a pledge and
/// one of its applications can be replaced together, atomically, because they share a partition.
/// </summary>
public sealed class LevyStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.LevyTransfers);

    public async Task<Versioned<Pledge>?> FindPledgeAsync(string id, CancellationToken cancellationToken)
    {
        if (!LevyIds.IsPledge(id))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<LevyEntity>(id, LevyEntity.PledgeRow, cancellationToken: cancellationToken);
        return response.HasValue ? new Versioned<Pledge>(response.Value!.ToPledge(), response.Value.ETag) : null;
    }

    public async Task<Versioned<PledgeApplication>?> FindApplicationAsync(string id, CancellationToken cancellationToken)
    {
        if (!LevyIds.IsApplication(id))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<LevyEntity>(LevyIds.PledgeOf(id), id, cancellationToken: cancellationToken);
        return response.HasValue ? new Versioned<PledgeApplication>(response.Value!.ToApplication(), response.Value.ETag) : null;
    }

    public async Task AddPledgeAsync(Pledge pledge, CancellationToken cancellationToken) =>
        await _table.AddEntityAsync(LevyEntity.From(pledge), cancellationToken);

    public async Task<Versioned<PledgeApplication>> AddApplicationAsync(PledgeApplication application, CancellationToken cancellationToken)
    {
        var response = await _table.AddEntityAsync(LevyEntity.From(application), cancellationToken);
        return new Versioned<PledgeApplication>(application, response.Headers.ETag ?? default);
    }

    /// <summary>False when someone else changed the pledge since <paramref name="etag"/>.</summary>
    public Task<bool> TryReplaceAsync(Pledge pledge, ETag etag, CancellationToken cancellationToken) =>
        TryReplaceAsync(LevyEntity.From(pledge, etag), cancellationToken);

    /// <summary>False when someone else changed the application since <paramref name="etag"/>.</summary>
    public Task<bool> TryReplaceAsync(PledgeApplication application, ETag etag, CancellationToken cancellationToken) =>
        TryReplaceAsync(LevyEntity.From(application, etag), cancellationToken);

    /// <summary>Replaces a pledge and one of its applications in one transaction; false (and neither written) when either changed since it was read.</summary>
    public async Task<bool> TryReplaceTogetherAsync(Versioned<Pledge> pledge, Versioned<PledgeApplication> application, CancellationToken cancellationToken)
    {
        try
        {
            await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, LevyEntity.From(pledge.Value), pledge.ETag),
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, LevyEntity.From(application.Value), application.ETag),
                ],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    public Task<IReadOnlyList<Versioned<Pledge>>> PledgesAsync(string? filter, CancellationToken cancellationToken) =>
        QueryAsync(Where(LevyEntity.PledgeType, filter), e => e.ToPledge(), cancellationToken);

    public Task<IReadOnlyList<Versioned<PledgeApplication>>> ApplicationsAsync(string? filter, CancellationToken cancellationToken) =>
        QueryAsync(Where(LevyEntity.ApplicationType, filter), e => e.ToApplication(), cancellationToken);

    public Task<IReadOnlyList<Versioned<PledgeApplication>>> ApplicationsForPledgeAsync(string pledgeId, CancellationToken cancellationToken) =>
        ApplicationsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {pledgeId}"), cancellationToken);

    public Task<IReadOnlyList<Versioned<PledgeApplication>>> ApplicationsInStatusAsync(ApplicationStatus status, CancellationToken cancellationToken) =>
        ApplicationsAsync(TableFilters.Equal("Status", status.ToString()), cancellationToken);

    public Task<IReadOnlyList<Versioned<Pledge>>> OpenPledgesAsync(CancellationToken cancellationToken) =>
        PledgesAsync(TableFilters.Equal("Status", nameof(PledgeStatus.Open)), cancellationToken);

    private static string Where(string type, string? filter) =>
        TableFilters.And(TableFilters.Equal("Type", type), filter)!;

    private async Task<bool> TryReplaceAsync(LevyEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private async Task<IReadOnlyList<Versioned<T>>> QueryAsync<T>(string filter, Func<LevyEntity, T> read, CancellationToken cancellationToken)
    {
        var result = new List<Versioned<T>>();
        await foreach (var entity in _table.QueryAsync<LevyEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(new Versioned<T>(read(entity), entity.ETag));
        }

        return result;
    }
}
