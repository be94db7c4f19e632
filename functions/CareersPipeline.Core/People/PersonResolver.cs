using Azure.Data.Tables;

namespace CareersPipeline.Core.People;

/// <summary>Finds everything that makes up a person from any one of their applicant ids.</summary>
public sealed class PersonResolver(ApplicantStore applicants)
{
    public async Task<PersonRecords?> ResolveAsync(string applicantId, CancellationToken cancellationToken)
    {
        if (!ApplicantIds.IsWellFormed(applicantId) || await applicants.FindAsync(applicantId, cancellationToken) is not { } applicant)
        {
            return null;
        }

        return await ResolvePersonAsync(applicant, cancellationToken);
    }

    public async Task<PersonRecords> ResolvePersonAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var all = new List<ApplicantEntity>();
        if (!string.IsNullOrEmpty(applicant.PersonKey))
        {
            await foreach (var row in applicants.QueryAsync(TableClient.CreateQueryFilter($"PersonKey eq {applicant.PersonKey}"), cancellationToken))
            {
                all.Add(row);
            }
        }

        if (all.All(a => a.PartitionKey != applicant.PartitionKey))
        {
            all.Add(applicant);
        }

        // The applicant named in the request last, so an interrupted erasure can be retried through the same id.
        return new PersonRecords(applicant.PersonKey, [.. all.OrderBy(a => a.PartitionKey == applicant.PartitionKey).ThenBy(a => a.CreatedAt)]);
    }
}
