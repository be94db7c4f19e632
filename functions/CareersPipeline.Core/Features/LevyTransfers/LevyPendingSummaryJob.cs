using CareersPipeline.Core.Email;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>Timer job (weekly): emails each open pledge's contact the applications waiting for a decision. Pledges with none get nothing.</summary>
public sealed partial class LevyPendingSummaryJob(
    LevyStore store,
    LevyEmailComposer composer,
    Mailer mailer,
    TimeProvider time,
    ILogger<LevyPendingSummaryJob> logger)
{
    /// <summary>The ids of the pledges whose contact was sent a summary.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var pending = (await store.ApplicationsInStatusAsync(ApplicationStatus.Pending, cancellationToken))
            .Select(v => v.Value)
            .ToLookup(a => a.PledgeId, StringComparer.Ordinal);
        var sent = new List<string>();
        foreach (var (pledge, _) in await store.OpenPledgesAsync(cancellationToken))
        {
            var waiting = pending[pledge.Id].ToList();
            if (waiting.Count == 0)
            {
                continue;
            }

            await mailer.SendAsync(composer.PendingSummary(pledge, waiting, time.GetUtcNow()), cancellationToken);
            sent.Add(pledge.Id);
            LogSent(logger, pledge.Id, waiting.Count);
        }

        return sent;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy pending summary for pledge {PledgeId}: {Count} waiting")]
    private static partial void LogSent(ILogger logger, string pledgeId, int count);
}
