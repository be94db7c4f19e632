using Azure.Data.Tables;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The nightly full pass (MATCHING_SCHEDULE): every candidate read again, everyone with an active sign-up matched
/// again, and only changed results written. It catches what the queues cannot: a day passing (closing dates, ages),
/// another instance's changes, and a message lost to a crash. It sends no alerts; what is new goes in the digest.
/// </summary>
public sealed partial class MatchingFullPass(
    ApplicantStore applicants,
    MatchStore store,
    CandidateIndexCache candidates,
    MatchResults results,
    IOptions<MatchingOptions> options,
    TimeProvider time,
    ILogger<MatchingFullPass> logger)
{
    // Only what a profile needs: a pass over every sign-up reads a fraction of each row.
    private static readonly string[] ProfileColumns =
    [
        "PartitionKey", nameof(ApplicantEntity.PersonKey), nameof(ApplicantEntity.Status), nameof(ApplicantEntity.Route), nameof(ApplicantEntity.DateOfBirth),
        nameof(ApplicantEntity.RightToWork), nameof(ApplicantEntity.QualificationLevel), nameof(ApplicantEntity.CareerInterests), nameof(ApplicantEntity.GeocodeStatus),
        nameof(ApplicantEntity.Latitude), nameof(ApplicantEntity.Longitude), nameof(ApplicantEntity.CreatedAt),
    ];

    public async Task<FullPassReport> RunAsync(CancellationToken cancellationToken)
    {
        var index = await candidates.RebuildAsync(cancellationToken);
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

        var records = new Dictionary<string, MatchRecordEntity>(StringComparer.Ordinal);
        await foreach (var record in store.AllRecordsAsync(cancellationToken))
        {
            records[record.PartitionKey] = record;
        }

        var people = new Dictionary<string, ApplicantEntity>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.Active)}");
        await foreach (var applicant in applicants.QueryAsync(filter, ProfileColumns, cancellationToken))
        {
            var key = MatchProfiles.PersonKeyOf(applicant);
            if (applicant.Route is not null && (!people.TryGetValue(key, out var seen) || applicant.CreatedAt > seen.CreatedAt))
            {
                people[key] = applicant;
            }
        }

        var changed = 0;
        var profiles = people.Select(p => MatchProfiles.From(p.Value, records.GetValueOrDefault(p.Key)));
        foreach (var profile in CandidateIndex.NearestTogether(profiles, p => p.Location))
        {
            var record = records.GetValueOrDefault(profile.PersonKey);
            var top = index.Top(profile, options.Value.ListSize, today);
            var saved = await results.SaveAsync(profile, top, record, profileChanged: false, cancellationToken);
            if (!ReferenceEquals(saved, record))
            {
                changed++;
            }
        }

        // Records of people with no active sign-up left (a crash mid-erasure, say): nobody to match, nothing to keep.
        var removed = 0;
        foreach (var orphan in records.Values.Where(r => !people.ContainsKey(r.PartitionKey)))
        {
            if (orphan.AreaKey is { } area)
            {
                await store.DeleteAreaAsync(area, orphan.PartitionKey, cancellationToken);
            }

            await store.DeleteRecordAsync(orphan.PartitionKey, cancellationToken);
            removed++;
        }

        var report = new FullPassReport(index.Count, people.Count, changed, removed);
        LogRun(logger, report.Candidates, report.People, report.Changed, report.Removed);
        return report;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Full matching pass: {Candidates} candidates, {People} people, {Changed} results changed, {Removed} records removed")]
    private static partial void LogRun(ILogger logger, int candidates, int people, int changed, int removed);
}

public sealed record FullPassReport(int Candidates, int People, int Changed, int Removed);
