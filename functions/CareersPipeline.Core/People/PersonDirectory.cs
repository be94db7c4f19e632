using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.People;

/// <summary>
/// Finds people and sign-ups from what someone typed, in the PeopleIndex table. PartitionKey = SHA-256 of the value
/// looked up (an email address in lower case, or a whole submission), so the index never holds the value itself:
/// <list type="bullet">
/// <item>"person" under an address: the random person key its verified sign-ups share. Only verification writes it,
/// so knowing an address gives nobody a way into that person.</item>
/// <item>"signup-{applicant id}" under an address: every sign-up made with it, verified or not, so "send me my links"
/// finds them without reading the Applicants table.</item>
/// <item>"submission" under a submission: the sign-up it made, so a double click or a client's retry lands on the same
/// sign-up instead of making a second one.</item>
/// </list>
/// The hashes are not keyed: they sit beside the Applicants table, which holds the addresses themselves, and a key
/// here would be one more secret that could never be rotated. Erasure removes a person's rows (<see cref="ForgetAsync"/>).
/// </summary>
public sealed class PersonDirectory(TableServiceClient tables)
{
    private const string PersonRow = "person";
    private const string SignUpRowPrefix = "signup-";
    private const string SubmissionRow = "submission";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.PeopleIndex);

    /// <summary>
    /// The sign-up this exact submission made within <paramref name="window"/> of <paramref name="now"/>, or, when there
    /// is none, <paramref name="applicantId"/>, which is recorded as making it.
    /// </summary>
    public Task<string> ClaimSubmissionAsync(string submission, string applicantId, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken) =>
        ETagRetry.RunAsync(async ct =>
        {
            var key = Hash("submission|" + submission);
            var existing = await _table.GetEntityIfExistsAsync<IndexEntity>(key, SubmissionRow, cancellationToken: ct);
            if (existing.HasValue && existing.Value!.At > now - window)
            {
                return existing.Value.Target;
            }

            var row = new IndexEntity { PartitionKey = key, RowKey = SubmissionRow, Target = applicantId, At = now };
            if (existing.HasValue)
            {
                await _table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, ct);
            }
            else
            {
                await _table.AddEntityAsync(row, ct);
            }

            return applicantId;
        }, cancellationToken);

    public async Task AddSignUpAsync(string email, string applicantId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(new IndexEntity { PartitionKey = AddressKey(email), RowKey = SignUpRowPrefix + applicantId, Target = applicantId, At = now }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>Every sign-up made with this address, verified or not.</summary>
    public async Task<IReadOnlyList<string>> SignUpsOfAsync(string email, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AddressKey(email)} and RowKey ge {SignUpRowPrefix} and RowKey lt {"signup."}");
        await foreach (var row in _table.QueryAsync<IndexEntity>(filter, cancellationToken: cancellationToken))
        {
            ids.Add(row.Target);
        }

        return ids;
    }

    /// <summary>The person key of a verified address, made (random) the first time an address is verified.</summary>
    public Task<string> PersonKeyForAsync(string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        ETagRetry.RunAsync(async ct =>
        {
            var key = AddressKey(email);
            var existing = await _table.GetEntityIfExistsAsync<IndexEntity>(key, PersonRow, cancellationToken: ct);
            if (existing.HasValue)
            {
                return existing.Value!.Target;
            }

            // Two verifications of one address at once: one insert wins (409) and the other reads its key on retry.
            var personKey = "p" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            await _table.AddEntityAsync(new IndexEntity { PartitionKey = key, RowKey = PersonRow, Target = personKey, At = now }, ct);
            return personKey;
        }, cancellationToken);

    /// <summary>The person key of a verified address, or null.</summary>
    public async Task<string?> FindPersonKeyAsync(string email, CancellationToken cancellationToken)
    {
        var existing = await _table.GetEntityIfExistsAsync<IndexEntity>(AddressKey(email), PersonRow, cancellationToken: cancellationToken);
        return existing.HasValue ? existing.Value!.Target : null;
    }

    /// <summary>Removes a sign-up's rows; with <paramref name="wholePerson"/>, also the address's person row.</summary>
    public async Task ForgetAsync(ApplicantEntity applicant, bool wholePerson, CancellationToken cancellationToken)
    {
        var address = AddressKey(applicant.Email);
        await DeleteIfExistsAsync(address, SignUpRowPrefix + applicant.PartitionKey, cancellationToken);
        if (wholePerson)
        {
            await DeleteIfExistsAsync(address, PersonRow, cancellationToken);
        }

        if (!string.IsNullOrEmpty(applicant.SubmissionKey))
        {
            await DeleteIfExistsAsync(applicant.SubmissionKey, SubmissionRow, cancellationToken);
        }
    }

    private async Task DeleteIfExistsAsync(string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone: forgetting is idempotent.
        }
    }

    /// <summary>The PartitionKey of a submission's row, kept on the sign-up so erasure can remove it.</summary>
    public static string SubmissionKeyOf(string submission) => Hash("submission|" + submission);

    private static string AddressKey(string email) => Hash("email|" + email.ToLowerInvariant());

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    private sealed class IndexEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public string Target { get; set; } = string.Empty;
        public DateTimeOffset At { get; set; }
    }
}
