using Azure.Data.Tables;
using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Geocoding;

/// <summary>Timer job: looks up again every postcode whose lookup failed and whose next attempt is due.</summary>
public sealed partial class GeocodeRetryJob(ApplicantStore applicants, PostcodeLookup lookup, MatchRequests matching, TimeProvider time, ILogger<GeocodeRetryJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var filter = TableClient.CreateQueryFilter($"GeocodeStatus eq {nameof(GeocodeStatus.Pending)} and NextGeocodeAttemptAt le {now}");
        var resolved = 0;
        await foreach (var due in applicants.QueryAsync(filter, cancellationToken))
        {
            var result = await lookup.LookupAsync(due.Postcode, cancellationToken);
            await applicants.ChangeAsync(due.PartitionKey, applicant =>
            {
                if (applicant.GeocodeStatus != nameof(GeocodeStatus.Pending))
                {
                    return false;
                }

                ApplicantGeocoding.Apply(applicant, result, time.GetUtcNow());
                return true;
            }, cancellationToken);
            if (result.Outcome == LookupOutcome.Resolved)
            {
                // Now that we know where they are, distances can be checked: match them again.
                await matching.PersonAsync(due.PartitionKey, cancellationToken);
                resolved++;
            }
        }

        LogRun(logger, resolved);
        return resolved;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Geocode retry resolved {Resolved} postcodes")]
    private static partial void LogRun(ILogger logger, int resolved);
}
