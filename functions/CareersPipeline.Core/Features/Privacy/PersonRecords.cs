using Azure.Data.Tables;
using CareersPipeline.Core.Features.SignUps;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// One person as the stores know them: every sign-up sharing a PersonKey (one per door), so subject access and
/// erasure cover all of them. <see cref="Emails"/> are the person's own addresses (lower case), never a guardian's.
/// </summary>
public sealed record PersonRecords(string PersonKey, IReadOnlyList<ApplicantEntity> Applicants)
{
    public IReadOnlyList<string> ApplicantIds { get; } = [.. Applicants.Select(a => a.PartitionKey)];

    public IReadOnlySet<string> Emails { get; } = Applicants.Select(a => a.Email.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
}

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
