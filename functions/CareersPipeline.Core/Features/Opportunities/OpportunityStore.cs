using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>Reads and writes opportunities; every replace is conditional on the ETag that was read.</summary>
public sealed class OpportunityStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Opportunities);

    public async Task<Versioned<Opportunity>?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!OpportunityIds.IsWellFormed(id))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<OpportunityEntity>(id, OpportunityEntity.Row, cancellationToken: cancellationToken);
        return response.HasValue ? new Versioned<Opportunity>(response.Value!.ToOpportunity(), response.Value.ETag) : null;
    }

    public async Task<bool> TryAddAsync(Opportunity opportunity, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(OpportunityEntity.From(opportunity), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the opportunity if it is unchanged since <paramref name="etag"/>; false when someone else changed it first.</summary>
    public async Task<bool> TryReplaceAsync(Opportunity opportunity, ETag etag, CancellationToken cancellationToken) =>
        await ReplaceAsync(opportunity, etag, cancellationToken) is not null;

    /// <summary>As <see cref="TryReplaceAsync"/>, with the new version (for an ETag header or a form's next save); null when someone else changed it first.</summary>
    public async Task<ETag?> ReplaceAsync(Opportunity opportunity, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.UpdateEntityAsync(OpportunityEntity.From(opportunity), etag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<Versioned<Opportunity>>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var result = new List<Versioned<Opportunity>>();
        await foreach (var entity in _table.QueryAsync<OpportunityEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(new Versioned<Opportunity>(entity.ToOpportunity(), entity.ETag));
        }

        return result;
    }
}

public static class OpportunityIds
{
    private static readonly System.Buffers.SearchValues<char> LocalDigits = System.Buffers.SearchValues.Create("0123456789abcdef");
    private static readonly System.Buffers.SearchValues<char> NationalDigits = System.Buffers.SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>Local opportunities: "o" and 24 hex digits. National ones: "n" and the DfE vacancy reference.</summary>
    public static string NewLocal() => "o" + Guid.NewGuid().ToString("n")[..24];

    public static string National(string vacancyReference) => "n" + vacancyReference.TrimStart('V', 'A', 'C').ToUpperInvariant();

    public static bool IsWellFormed(string? id) => id is not null && IsWellFormed(id.AsSpan());

    /// <summary>"o" and 24 lower-case hex digits, or "n" and 1 to 20 digits or capitals. By hand, not a regex: the site checks every path it publishes.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> id) =>
        id.Length > 1 && id[0] switch
        {
            'o' => id.Length == 25 && !id[1..].ContainsAnyExcept(LocalDigits),
            'n' => id.Length <= 21 && !id[1..].ContainsAnyExcept(NationalDigits),
            _ => false,
        };
}
