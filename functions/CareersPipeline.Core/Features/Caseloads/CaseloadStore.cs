using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Which people each adviser works with. PartitionKey = the adviser's subject id (lower case), RowKey = applicant id.
/// The owner index of the cases (<see cref="CaseStore"/>): <see cref="CaseService"/> keeps it in step when a case is
/// taken or reassigned, so matching (an adviser's matches) and privacy (consents by phone) go on asking it.
/// </summary>
public sealed class CaseloadStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Caseloads);

    public async Task AddAsync(string adviserSubjectId, string applicantId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(Partition(adviserSubjectId), applicantId) { ["AddedAt"] = at }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already on the caseload: adding is idempotent, and keeps the first date.
        }
    }

    public async Task<bool> RemoveAsync(string adviserSubjectId, string applicantId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(Partition(adviserSubjectId), applicantId, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<bool> ContainsAsync(string adviserSubjectId, string applicantId, CancellationToken cancellationToken) =>
        (await _table.GetEntityIfExistsAsync<TableEntity>(Partition(adviserSubjectId), applicantId, ["PartitionKey"], cancellationToken)).HasValue;

    public async Task<IReadOnlyList<CaseloadEntry>> ListAsync(string adviserSubjectId, CancellationToken cancellationToken)
    {
        var entries = new List<CaseloadEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition(adviserSubjectId)}"), cancellationToken: cancellationToken))
        {
            entries.Add(new CaseloadEntry(row.PartitionKey, row.RowKey, row.GetDateTimeOffset("AddedAt") ?? default));
        }

        return entries;
    }

    /// <summary>Every caseload an applicant is on. The table holds a few thousand rows at most, so it is read whole.</summary>
    public async Task<IReadOnlyList<CaseloadEntry>> WhoHasAsync(IReadOnlyCollection<string> applicantIds, CancellationToken cancellationToken)
    {
        var entries = new List<CaseloadEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (applicantIds.Contains(row.RowKey))
            {
                entries.Add(new CaseloadEntry(row.PartitionKey, row.RowKey, row.GetDateTimeOffset("AddedAt") ?? default));
            }
        }

        return entries;
    }

    private static string Partition(string adviserSubjectId) => adviserSubjectId.ToLowerInvariant();
}

public sealed record CaseloadEntry(string AdviserSubjectId, string ApplicantId, DateTimeOffset AddedAt);
