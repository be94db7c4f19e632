using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// What matching holds about a person, for subject access and erasure: their match record (matches, preferences,
/// saves, what they were emailed about), their area profile, their saves under each candidate, and the caseloads they
/// are on.
/// </summary>
public sealed class MatchingDataSource(MatchStore store, CaseloadStore caseloads) : IPersonalDataSource
{
    public string Section => "matching";

    public int ErasureOrder => 350;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var onCaseloads = await caseloads.WhoHasAsync(person.ApplicantIds, cancellationToken);
        var record = await FindRecordAsync(person, cancellationToken);
        if (record is null && onCaseloads.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["matches"] = JsonSerializer.SerializeToNode(record?.Matches() ?? [], JsonDefaults.Options),
            ["matchesWorkedOutAt"] = record?.ComputedAt,
            ["travelMiles"] = record?.TravelMiles,
            ["drivingLicence"] = record?.DrivingLicence,
            ["saved"] = new JsonArray([.. (record?.SavedIds() ?? new HashSet<string>()).Select(id => (JsonNode)id)]),
            ["emailedAbout"] = new JsonArray([.. (record?.NotifiedIds() ?? new HashSet<string>()).Select(id => (JsonNode)id)]),
            ["lastAlertAt"] = record?.LastAlertAt,
            ["lastDigestAt"] = record?.LastDigestAt,
            ["onAdviserCaseloadSince"] = new JsonArray([.. onCaseloads.Select(c => (JsonNode)c.AddedAt)]),
        };
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var person in people)
        {
            foreach (var entry in await caseloads.WhoHasAsync(person.ApplicantIds, cancellationToken))
            {
                erased += await caseloads.RemoveAsync(entry.AdviserSubjectId, entry.ApplicantId, cancellationToken) ? 1 : 0;
            }

            // A record left under a sign-up's own key (matched while verification merged it) goes too.
            foreach (var id in person.ApplicantIds)
            {
                if (await store.FindAsync(id, cancellationToken) is { AreaKey: var staleArea })
                {
                    if (staleArea is not null)
                    {
                        await store.DeleteAreaAsync(staleArea, id, cancellationToken);
                    }

                    await store.DeleteRecordAsync(id, cancellationToken);
                }
            }

            if (await FindRecordAsync(person, cancellationToken) is not { } record)
            {
                continue;
            }

            foreach (var candidateId in record.SavedIds())
            {
                await store.DeleteSaveAsync(candidateId, record.PartitionKey, cancellationToken);
            }

            if (record.AreaKey is { } area)
            {
                await store.DeleteAreaAsync(area, record.PartitionKey, cancellationToken);
            }

            await store.DeleteRecordAsync(record.PartitionKey, cancellationToken);
            erased++;
        }

        return erased;
    }

    // Filed under the PersonKey, or under the applicant id for a sign-up without one.
    private async Task<MatchRecordEntity?> FindRecordAsync(PersonRecords person, CancellationToken cancellationToken)
    {
        foreach (var key in person.Applicants.Select(MatchProfiles.PersonKeyOf).Distinct(StringComparer.Ordinal))
        {
            if (await store.FindAsync(key, cancellationToken) is { } record)
            {
                return record;
            }
        }

        return null;
    }
}
