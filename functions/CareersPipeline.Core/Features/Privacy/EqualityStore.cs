using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Equality monitoring answers, apart from identity. A row holds the answers, the month they were given, a random
/// RowKey and <c>LinkHash</c> = HMAC(equality link key, PersonKey): no name, no contact details, no applicant id.
/// Only code holding the equality link key can find a person's row (to show it to them, replace it or delete it),
/// and individual rows are read only by <see cref="EqualityAggregator"/> (<see cref="ReadAllForAggregationAsync"/> is
/// internal to this assembly). PartitionKey = the first two hex digits of the hash, so a lookup reads one partition.
/// </summary>
public sealed class EqualityStore(TableServiceClient tables, IOptions<PrivacyOptions> privacy, IOptions<SigningOptions> signing)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Equality);
    private readonly byte[] _linkKey = LinkKey(privacy.Value, signing.Value);

    public async Task SaveAsync(string personKey, EqualityAnswers answers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var link = LinkHash(personKey);
        var existing = await FindRowAsync(link, cancellationToken);
        var row = new EqualityEntity
        {
            PartitionKey = link[..2],
            RowKey = existing?.RowKey ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            LinkHash = link,
            Ethnicity = answers.Ethnicity?.ToString(),
            Disability = answers.Disability?.ToString(),
            Religion = answers.Religion?.ToString(),
            Sex = answers.Sex?.ToString(),
            GenderSameAsSexAtBirth = answers.GenderSameAsSexAtBirth?.ToString(),
            SexualOrientation = answers.SexualOrientation?.ToString(),
            AgeBand = answers.AgeBand?.ToString(),
            SubmittedMonth = now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        };
        await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The person's own answers, for their own subject access export only.</summary>
    public async Task<(EqualityAnswers Answers, string SubmittedMonth)?> FindForDataSubjectAsync(string personKey, CancellationToken cancellationToken) =>
        await FindRowAsync(LinkHash(personKey), cancellationToken) is { } row ? (row.ToAnswers(), row.SubmittedMonth) : null;

    public async Task<bool> ExistsAsync(string personKey, CancellationToken cancellationToken) =>
        await FindRowAsync(LinkHash(personKey), cancellationToken) is not null;

    public async Task<int> DeleteAsync(string personKey, CancellationToken cancellationToken)
    {
        if (await FindRowAsync(LinkHash(personKey), cancellationToken) is not { } row)
        {
            return 0;
        }

        await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        return 1;
    }

    /// <summary>Every row's answers, for the aggregation only.</summary>
    internal async IAsyncEnumerable<EqualityAnswers> ReadAllForAggregationAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<EqualityEntity>(cancellationToken: cancellationToken))
        {
            yield return row.ToAnswers();
        }
    }

    private async Task<EqualityEntity?> FindRowAsync(string link, CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<EqualityEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {link[..2]} and LinkHash eq {link}"), cancellationToken: cancellationToken))
        {
            return row;
        }

        return null;
    }

    private string LinkHash(string personKey) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_linkKey, Encoding.UTF8.GetBytes("equality|" + personKey)));

    private static byte[] LinkKey(PrivacyOptions privacy, SigningOptions signing) =>
        !string.IsNullOrEmpty(privacy.EqualityLinkKey)
            ? Encoding.UTF8.GetBytes(privacy.EqualityLinkKey)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signing.Key), 32, info: Encoding.UTF8.GetBytes("careers-pipeline/equality-link"));

    private sealed class EqualityEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public string LinkHash { get; set; } = string.Empty;
        public string? Ethnicity { get; set; }
        public string? Disability { get; set; }
        public string? Religion { get; set; }
        public string? Sex { get; set; }
        public string? GenderSameAsSexAtBirth { get; set; }
        public string? SexualOrientation { get; set; }
        public string? AgeBand { get; set; }
        public string SubmittedMonth { get; set; } = string.Empty;

        public EqualityAnswers ToAnswers() => new(
            Parse<EthnicGroup>(Ethnicity),
            Parse<DisabilityAnswer>(Disability),
            Parse<Religion>(Religion),
            Parse<SexAnswer>(Sex),
            Parse<GenderIdentityAnswer>(GenderSameAsSexAtBirth),
            Parse<SexualOrientation>(SexualOrientation),
            Parse<AgeBand>(AgeBand));

        private static TEnum? Parse<TEnum>(string? value)
            where TEnum : struct, Enum => value is null ? null : Enum.Parse<TEnum>(value);
    }
}
