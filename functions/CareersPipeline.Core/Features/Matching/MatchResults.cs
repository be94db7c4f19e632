using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Stores a person's newly worked-out matches: their record and their area profile, written only when something
/// changed. The area row is written first, so a crash between the two leaves a record whose hash is stale, and the
/// next pass rewrites both.
/// </summary>
public sealed class MatchResults(MatchStore store, TimeProvider time)
{
    /// <summary>The hash of a result, over what a person would see change: which matches, their scores and distances.</summary>
    public static string HashOf(IReadOnlyList<ScoredMatch> top)
    {
        var text = new StringBuilder();
        foreach (var match in top)
        {
            text.Append(match.Candidate.Id).Append('|').Append(match.Score.Total).Append('|')
                .Append(match.DistanceMiles?.ToString("0.0", CultureInfo.InvariantCulture)).Append('|')
                .Append(match.Candidate.OpenUntil.DayNumber).Append('|').Append(match.Candidate.Title).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 12));
    }

    /// <summary>
    /// Writes the result when it, the sign-up it came from or the person's area changed; with
    /// <paramref name="profileChanged"/> the area profile is rewritten even when the result is the same.
    /// Returns the record as it now is.
    /// </summary>
    public async Task<MatchRecordEntity> SaveAsync(MatchProfile profile, IReadOnlyList<ScoredMatch> top, MatchRecordEntity? current, bool profileChanged, CancellationToken cancellationToken)
    {
        var hash = HashOf(top);
        var area = profile.Location is { } home ? MatchAreas.KeyOf(home) : null;
        var unchanged = current is not null && current.ResultHash == hash && current.ApplicantId == profile.ApplicantId && current.AreaKey == area;
        if (unchanged && !profileChanged)
        {
            return current!;
        }

        if (area is not null)
        {
            await store.UpsertAreaAsync(MatchAreaEntity.From(area, profile, hash), cancellationToken);
        }

        if (unchanged)
        {
            return current!;
        }

        var matches = top.Select(m => Match.From(profile, m)).ToList();
        string? previousArea = null;
        var record = await store.ChangeAsync(profile.PersonKey, r =>
        {
            previousArea = r.AreaKey;
            if (r.ResultHash == hash && r.ApplicantId == profile.ApplicantId && r.AreaKey == area)
            {
                return false;
            }

            r.ApplicantId = profile.ApplicantId;
            r.AreaKey = area;
            r.SetMatches(matches, hash, time.GetUtcNow());
            return true;
        }, cancellationToken);

        if (previousArea is not null && previousArea != area)
        {
            await store.DeleteAreaAsync(previousArea, profile.PersonKey, cancellationToken);
        }

        return record;
    }
}
