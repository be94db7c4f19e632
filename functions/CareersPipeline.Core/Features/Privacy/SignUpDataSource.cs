using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// The sign-ups themselves (every row in each applicant's partition of the Applicants table), exported field by field
/// so that fields added later are covered too. Erased last; each erased sign-up is counted in the Aggregates table
/// by month, door and route first, so the service's numbers survive.
/// </summary>
public sealed class SignUpDataSource(TableServiceClient tables, PersonDirectory directory, AggregateCounters aggregates) : IPersonalDataSource
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Applicants);

    public string Section => "signUps";

    public int ErasureOrder => 1000;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var id in person.ApplicantIds)
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            {
                result.Add(TableJson.ToJson(row, "applicantId"));
            }
        }

        return result;
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var person in people)
        {
            // The lookups first: once the rows are gone nothing would say which addresses and submissions to forget.
            foreach (var applicant in person.Applicants)
            {
                await directory.ForgetAsync(applicant, wholePerson: applicant.EmailVerifiedAt is not null && person.PersonKey == applicant.PersonKey, cancellationToken);
            }
        }

        foreach (var id in people.SelectMany(p => p.ApplicantIds))
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            {
                if (!await DeleteAsync(row, cancellationToken))
                {
                    continue;
                }

                erased++;
                if (row.RowKey == People.ApplicantEntity.Row)
                {
                    var month = (row.GetDateTimeOffset(nameof(People.ApplicantEntity.CreatedAt)) ?? context.At).UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                    var door = row.GetString(nameof(People.ApplicantEntity.Door)) ?? "Unknown";
                    var route = row.GetString(nameof(People.ApplicantEntity.Route)) ?? "None";
                    await aggregates.IncrementAsync(AggregateCounters.ErasedSignUps, $"{month}|{door}|{route}|{context.Reason}", 1, cancellationToken);
                }
            }
        }

        return erased;
    }

    // Deleted by us (true), or already gone because a concurrent erasure got there first (false, not counted twice).
    private async Task<bool> DeleteAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}
