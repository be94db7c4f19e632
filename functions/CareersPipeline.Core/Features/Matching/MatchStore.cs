using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>Reads and writes people's match records, their area profiles and their saves. Changes are conditional on the ETag read.</summary>
public sealed class MatchStore(TableServiceClient tables)
{
    private readonly TableClient _records = tables.GetTableClient(StorageNames.Tables.Matches);
    private readonly TableClient _areas = tables.GetTableClient(StorageNames.Tables.MatchAreas);
    private readonly TableClient _saves = tables.GetTableClient(StorageNames.Tables.MatchSaves);

    public async Task<MatchRecordEntity?> FindAsync(string personKey, CancellationToken cancellationToken)
    {
        var response = await _records.GetEntityIfExistsAsync<MatchRecordEntity>(personKey, MatchRecordEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>
    /// Reads (or starts) the person's record, applies <paramref name="change"/> and writes it, again from a fresh read
    /// when another writer got there first. <paramref name="change"/> returns false when there is nothing to write.
    /// </summary>
    /// <exception cref="ETagConflictException">Other writers won <see cref="ETagRetry.MaxAttempts"/> times.</exception>
    public Task<MatchRecordEntity> ChangeAsync(string personKey, Func<MatchRecordEntity, bool> change, CancellationToken cancellationToken) =>
        ETagRetry.RunAsync(async ct =>
        {
            var record = await FindAsync(personKey, ct) ?? new MatchRecordEntity { PartitionKey = personKey };
            if (!change(record))
            {
                return record;
            }

            var response = record.ETag == default
                ? await _records.AddEntityAsync(record, ct)
                : await _records.UpdateEntityAsync(record, record.ETag, TableUpdateMode.Replace, ct);
            record.ETag = response.Headers.ETag ?? default;
            return record;
        }, cancellationToken);

    public IAsyncEnumerable<MatchRecordEntity> AllRecordsAsync(CancellationToken cancellationToken) =>
        _records.QueryAsync<MatchRecordEntity>(r => r.RowKey == MatchRecordEntity.Row, cancellationToken: cancellationToken);

    public async Task DeleteRecordAsync(string personKey, CancellationToken cancellationToken) =>
        await IgnoreMissingAsync(_records.DeleteEntityAsync(personKey, MatchRecordEntity.Row, ETag.All, cancellationToken));

    public async Task UpsertAreaAsync(MatchAreaEntity area, CancellationToken cancellationToken) =>
        await _areas.UpsertEntityAsync(area, TableUpdateMode.Replace, cancellationToken);

    public async Task DeleteAreaAsync(string areaKey, string personKey, CancellationToken cancellationToken) =>
        await IgnoreMissingAsync(_areas.DeleteEntityAsync(areaKey, personKey, ETag.All, cancellationToken));

    public IAsyncEnumerable<MatchAreaEntity> AreaAsync(string areaKey, CancellationToken cancellationToken) =>
        _areas.QueryAsync<MatchAreaEntity>(a => a.PartitionKey == areaKey, cancellationToken: cancellationToken);

    public IAsyncEnumerable<MatchAreaEntity> AllAreasAsync(CancellationToken cancellationToken) =>
        _areas.QueryAsync<MatchAreaEntity>(cancellationToken: cancellationToken);

    public async Task UpsertSaveAsync(MatchSaveEntity save, CancellationToken cancellationToken) =>
        await _saves.UpsertEntityAsync(save, TableUpdateMode.Merge, cancellationToken);

    public async Task<MatchSaveEntity?> FindSaveAsync(string candidateId, string personKey, CancellationToken cancellationToken)
    {
        var response = await _saves.GetEntityIfExistsAsync<MatchSaveEntity>(candidateId, personKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    public async Task DeleteSaveAsync(string candidateId, string personKey, CancellationToken cancellationToken) =>
        await IgnoreMissingAsync(_saves.DeleteEntityAsync(candidateId, personKey, ETag.All, cancellationToken));

    public IAsyncEnumerable<MatchSaveEntity> SavesOfAsync(string candidateId, CancellationToken cancellationToken) =>
        _saves.QueryAsync<MatchSaveEntity>(s => s.PartitionKey == candidateId, cancellationToken: cancellationToken);

    /// <summary>Records a reminder as sent; false when someone changed the save since it was read (it is then skipped this run).</summary>
    public async Task<bool> TryUpdateSaveAsync(MatchSaveEntity save, CancellationToken cancellationToken)
    {
        try
        {
            await _saves.UpdateEntityAsync(save, save.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static async Task IgnoreMissingAsync(Task<Response> delete)
    {
        try
        {
            await delete;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
    }
}
