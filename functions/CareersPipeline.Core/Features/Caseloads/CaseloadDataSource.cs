using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Case management's part of subject access and erasure: each sign-up's case and its whole timeline, advisers' notes
/// included (they are about the person). Erasure deletes the partitions; it runs before matching's, which clears the
/// owner index.
/// </summary>
public sealed class CaseloadDataSource(CaseStore cases) : IPersonalDataSource
{
    public string Section => "outreachCases";

    public int ErasureOrder => 340;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var exported = new JsonArray();
        foreach (var applicantId in person.ApplicantIds)
        {
            var (found, timeline) = await cases.ReadAsync(applicantId, cancellationToken);
            if (found is null && timeline.Count == 0)
            {
                continue;
            }

            exported.Add(new JsonObject
            {
                ["applicantId"] = applicantId,
                ["case"] = found is null ? null : JsonSerializer.SerializeToNode(found.Value, JsonDefaults.Options),
                ["timeline"] = JsonSerializer.SerializeToNode(timeline, JsonDefaults.Options),
            });
        }

        return exported.Count == 0 ? null : exported;
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var applicantId in people.SelectMany(p => p.ApplicantIds))
        {
            erased += await cases.DeleteAllAsync(applicantId, cancellationToken);
        }

        return erased;
    }
}
