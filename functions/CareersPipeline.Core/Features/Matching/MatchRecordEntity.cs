using System.Text.Json;
using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// A person's matching record: the matches last worked out, the preferences they or their adviser set, what they
/// saved, and which matches they have been emailed about. PartitionKey = PersonKey, RowKey = "matches", so reading
/// someone's matches is one point read.
/// </summary>
public sealed class MatchRecordEntity : ITableEntity
{
    public const string Row = "matches";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    /// <summary>The sign-up the matches were worked out from (the person's latest active one): emails go to its address.</summary>
    public string ApplicantId { get; set; } = string.Empty;

    /// <summary>The matches, best first, as JSON.</summary>
    public string Items { get; set; } = "[]";

    /// <summary>A hash of the matches' ids and scores: a recomputation that changes nothing writes nothing.</summary>
    public string ResultHash { get; set; } = string.Empty;

    public DateTimeOffset? ComputedAt { get; set; }

    /// <summary>The MatchAreas partition of the person's profile row, so a move or an erasure finds it.</summary>
    public string? AreaKey { get; set; }

    public int? TravelMiles { get; set; }

    public bool? DrivingLicence { get; set; }

    /// <summary>Saved candidate ids, comma-separated.</summary>
    public string Saved { get; set; } = string.Empty;

    /// <summary>
    /// The matches already emailed about, as "candidateId:closingDayNumber" separated by commas; each is emailed once,
    /// and entries are dropped after the candidate closes.
    /// </summary>
    public string Notified { get; set; } = string.Empty;

    public DateTimeOffset? LastAlertAt { get; set; }

    public DateTimeOffset? LastDigestAt { get; set; }

    public IReadOnlyList<Match> Matches() => JsonSerializer.Deserialize<List<Match>>(Items, JsonDefaults.Options) ?? [];

    public void SetMatches(IReadOnlyList<Match> matches, string hash, DateTimeOffset at)
    {
        Items = JsonSerializer.Serialize(matches, JsonDefaults.Options);
        ResultHash = hash;
        ComputedAt = at;
    }

    public IReadOnlySet<string> SavedIds() => Saved.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public void SetSaved(IEnumerable<string> ids) => Saved = string.Join(',', ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public IReadOnlySet<string> NotifiedIds() => NotifiedEntries().Select(e => e.CandidateId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Records that these matches were emailed, forgetting those that closed before <paramref name="today"/>.</summary>
    public void AddNotified(IEnumerable<Match> matches, DateOnly today)
    {
        var kept = NotifiedEntries().Where(e => e.ClosesOnDay >= today.DayNumber).ToDictionary(e => e.CandidateId, e => e.ClosesOnDay, StringComparer.Ordinal);
        foreach (var match in matches)
        {
            kept[match.CandidateId] = match.ClosesOn.DayNumber;
        }

        Notified = string.Join(',', kept.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}:{e.Value}"));
    }

    private IEnumerable<(string CandidateId, int ClosesOnDay)> NotifiedEntries() =>
        Notified.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(e => e.Split(':'))
            .Where(p => p.Length == 2 && int.TryParse(p[1], System.Globalization.CultureInfo.InvariantCulture, out _))
            .Select(p => (p[0], int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
}
