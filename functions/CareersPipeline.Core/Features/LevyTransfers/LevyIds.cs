using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// A pledge is "p" and 24 hex digits. An application is its pledge's id, "-a" and 12 hex digits: the pledge id tells
/// the store which partition to read, and an application lives in its pledge's partition. The funded place of an
/// application is an opportunity id derived from the application id, so creating it twice finds the first.
/// </summary>
public static partial class LevyIds
{
    public static string NewPledge() => "p" + Guid.NewGuid().ToString("n")[..24];

    public static string NewApplication(string pledgeId) => $"{pledgeId}-a{Guid.NewGuid().ToString("n")[..12]}";

    public static bool IsPledge(string? id) => id is not null && PledgeRegex().IsMatch(id);

    public static bool IsApplication(string? id) => id is not null && ApplicationRegex().IsMatch(id);

    /// <summary>The pledge an application id belongs to (the id must be well formed).</summary>
    public static string PledgeOf(string applicationId) => applicationId[..25];

    /// <summary>The opportunity id ("o" and 24 hex digits) of the place an application funds.</summary>
    public static string PlaceFor(string applicationId) =>
        "o" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(applicationId)))[..24];

    [GeneratedRegex(@"^p[0-9a-f]{24}\z")]
    private static partial Regex PledgeRegex();

    [GeneratedRegex(@"^p[0-9a-f]{24}-a[0-9a-f]{12}\z")]
    private static partial Regex ApplicationRegex();
}
