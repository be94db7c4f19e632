using CareersPipeline.Core.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The match-candidates queue handler: a candidate opened, changed or closed, so everyone whose area lies within the
/// longest travel distance of any of its workplaces, before or after, is matched again; those whose result changed
/// are stored, and strong new matches are emailed in batches. Work grows with the people near it, not with everyone.
/// </summary>
public sealed partial class CandidateMatcher(
    CandidateIndexCache candidates,
    MatchStore store,
    MatchResults results,
    MatchAlerts alerts,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<CandidateMatcher> logger)
{
    public async Task HandleAsync(MatchCandidateMessage message, CancellationToken cancellationToken)
    {
        if (await candidates.RefreshAsync(message.CandidateId, cancellationToken) is not { } change)
        {
            LogUnknown(logger, message.CandidateId);
            return;
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var rows = change.Remote
            ? store.AllAreasAsync(cancellationToken)
            : AreasAsync(MatchAreas.Around(change.Places, TravelDistances.MaximumMiles), cancellationToken);
        var changed = new List<MatchRecordEntity>();
        var people = 0;
        await foreach (var row in rows)
        {
            people++;
            var profile = row.ToProfile();
            var top = change.Index.Top(profile, options.Value.ListSize, today);
            if (MatchResults.HashOf(top) == row.ResultHash)
            {
                continue;
            }

            changed.Add(await results.SaveAsync(profile, top, await store.FindAsync(profile.PersonKey, cancellationToken), profileChanged: false, cancellationToken));
        }

        var sent = await alerts.SendAsync(changed, cancellationToken);
        LogMatched(logger, message.CandidateId, change.Open, people, changed.Count, sent.Sent);
        if (sent.Failed > 0)
        {
            // The changed results are stored, so a retry finds them unchanged and sends nothing more: what failed
            // now goes in the weekly digest, as every new match not yet emailed does.
            LogAlertsLeftForDigest(logger, message.CandidateId, sent.Failed);
        }
    }

    private async IAsyncEnumerable<MatchAreaEntity> AreasAsync(IEnumerable<string> areas, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var area in areas)
        {
            await foreach (var row in store.AreaAsync(area, cancellationToken))
            {
                yield return row;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Candidate {CandidateId} (open: {Open}): {People} people near it matched again, {Changed} changed, {Alerts} alert(s) sent")]
    private static partial void LogMatched(ILogger logger, string candidateId, bool open, int people, int changed, int alerts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Candidate {CandidateId}: {Failed} alert(s) not accepted; they go in the weekly digest")]
    private static partial void LogAlertsLeftForDigest(ILogger logger, string candidateId, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Match request for unknown candidate {CandidateId} dropped")]
    private static partial void LogUnknown(ILogger logger, string candidateId);
}
