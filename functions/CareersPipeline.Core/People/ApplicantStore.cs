using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.People;

/// <summary>Reads and writes applicants. Updates use the entity's ETag, so concurrent writers cannot silently overwrite each other.</summary>
public sealed class ApplicantStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Applicants);

    /// <summary>Adds the applicant; false when one with the same id already exists.</summary>
    public async Task<bool> TryAddAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.AddEntityAsync(applicant, cancellationToken);
            applicant.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<ApplicantEntity?> FindAsync(string applicantId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<ApplicantEntity>(applicantId, ApplicantEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Replaces the applicant if nobody changed it since it was read; throws <see cref="RequestFailedException"/> 412 otherwise.</summary>
    public async Task UpdateAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var response = await _table.UpdateEntityAsync(applicant, applicant.ETag, TableUpdateMode.Replace, cancellationToken);
        applicant.ETag = response.Headers.ETag ?? default;
    }

    /// <summary>
    /// Reads, changes and writes an applicant, re-reading and re-applying the change when another writer got there first.
    /// <paramref name="change"/> returns false when there is nothing to do.
    /// </summary>
    /// <exception cref="ETagConflictException">Other writers won <see cref="ETagRetry.MaxAttempts"/> times.</exception>
    public Task<ApplicantEntity?> ChangeAsync(string applicantId, Func<ApplicantEntity, bool> change, CancellationToken cancellationToken) =>
        ETagRetry.RunAsync(async ct =>
        {
            var applicant = await FindAsync(applicantId, ct);
            if (applicant is not null && change(applicant))
            {
                await UpdateAsync(applicant, ct);
            }

            return applicant;
        }, cancellationToken);

    /// <summary>Deletes the sign-up row; false when it was already gone.</summary>
    public async Task<bool> DeleteAsync(string applicantId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(applicantId, ApplicantEntity.Row, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public IAsyncEnumerable<ApplicantEntity> QueryAsync(string filter, CancellationToken cancellationToken) =>
        _table.QueryAsync<ApplicantEntity>(filter, cancellationToken: cancellationToken);

    /// <summary>Only the <paramref name="columns"/> of each row; the other properties keep their defaults.</summary>
    public IAsyncEnumerable<ApplicantEntity> QueryAsync(string filter, IEnumerable<string> columns, CancellationToken cancellationToken) =>
        _table.QueryAsync<ApplicantEntity>(filter, select: columns, cancellationToken: cancellationToken);
}
