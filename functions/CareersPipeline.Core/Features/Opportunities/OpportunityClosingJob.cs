using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>Timer job: closes every live opportunity whose closing date has passed, with the reason kept.</summary>
public sealed partial class OpportunityClosingJob(OpportunityStore store, OpportunityChanges opportunityChanges, TimeProvider time, ILogger<OpportunityClosingJob> logger)
{
    public const string By = "system:closing-date";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        // ClosingDate is stored as yyyy-MM-dd text, so a string comparison orders it.
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(OpportunityStatus.Live)} and ClosingDate lt {today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        var closed = 0;
        foreach (var (opportunity, etag) in await store.QueryAsync(filter, cancellationToken))
        {
            var result = OpportunityLifecycle.Close(opportunity, ClosureReason.ClosingDate, null, By, time.GetUtcNow());
            // A concurrent edit wins; the next run closes it if it is still past its date.
            if (result.Opportunity is { } updated && await store.TryReplaceAsync(updated, etag, cancellationToken))
            {
                await opportunityChanges.ChangedAsync(updated, "closed", cancellationToken);
                closed++;
            }
        }

        LogRun(logger, closed);
        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing-date run closed {Count} opportunities")]
    private static partial void LogRun(ILogger logger, int count);
}
