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

    /// <summary>
    /// One sign-up alone, for what reaches only the sign-up a link was about (a guardian's withdrawal). When it is the
    /// person's only sign-up this is the whole person; otherwise the person's own data (consents, matches, equality) stays
    /// with their other sign-ups and only what belongs to this one (the row, its guardian's consent) goes.
    /// </summary>
    public async Task<PersonRecords> ResolveSignUpAsync(ApplicantEntity applicant, CancellationToken cancellationToken)
    {
        var person = await ResolvePersonAsync(applicant, cancellationToken);
        return person.Applicants.Count == 1 ? person : new PersonRecords(applicant.PartitionKey, [applicant]);
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
