using Azure.Data.Tables;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Seeding;

/// <summary>
/// Whether storage holds real sign-ups, so that demo data is never mixed into a live service. A demo person is one
/// whose address is on a domain reserved for examples (RFC 2606 and RFC 6761: example.org, example.com, example.net
/// and anything under .example, .test or .invalid), where no real person can receive email; everyone else is real.
/// </summary>
public sealed class RealDataCheck(TableServiceClient tables)
{
    private static readonly string[] ReservedDomains = ["example.org", "example.com", "example.net"];
    private static readonly string[] ReservedSuffixes = [".example", ".test", ".invalid"];

    /// <summary>True at the first applicant who is not demo data; reads only the email column.</summary>
    public async Task<bool> HoldsRealSignUpsAsync(CancellationToken cancellationToken)
    {
        var table = tables.GetTableClient(StorageNames.Tables.Applicants);
        await foreach (var row in table.QueryAsync<TableEntity>(select: [nameof(ApplicantEntity.Email)], cancellationToken: cancellationToken))
        {
            if (!IsDemoAddress(row.GetString(nameof(ApplicantEntity.Email))))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsDemoAddress(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (at < 0)
        {
            return false;
        }

        var domain = email![(at + 1)..].ToLowerInvariant();
        return ReservedDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal))
            || ReservedSuffixes.Any(s => domain.EndsWith(s, StringComparison.Ordinal) || domain == s[1..]);
    }
}
