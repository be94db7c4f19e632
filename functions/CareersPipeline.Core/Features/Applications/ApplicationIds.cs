using System.Security.Cryptography;
using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// "{opportunity id}-a{16 hex}": the opportunity names the partition, the random part the row, so one id finds the
/// application with one point read and tells nothing about the person.
/// </summary>
public static class ApplicationIds
{
    public static string New(string opportunityId) => $"{opportunityId}-{NewRow()}";

    public static string RowOf(string applicationId) => applicationId[(applicationId.LastIndexOf('-') + 1)..];

    public static string OpportunityOf(string applicationId) => applicationId[..applicationId.LastIndexOf('-')];

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static bool IsWellFormed(string? id)
    {
        var dash = id?.LastIndexOf('-') ?? -1;
        if (id is null || dash < 1)
        {
            return false;
        }

        var row = id.AsSpan(dash + 1);
        return OpportunityIds.IsWellFormed(id.AsSpan(0, dash)) && row.Length == 17 && row[0] == 'a' && !row[1..].ContainsAnyExcept(HexDigits);
    }

    private static string NewRow() => "a" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
