using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Equality monitoring answers: shown to the person themselves; staff exports say only whether any are held,
/// because individual answers are for the aggregation alone.
/// </summary>
public sealed class EqualityDataSource(EqualityStore store) : IPersonalDataSource
{
    public string Section => "equalityMonitoring";

    public int ErasureOrder => 300;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        if (audience == SubjectAccessAudience.Staff)
        {
            return new JsonObject
            {
                ["held"] = await store.ExistsAsync(person.PersonKey, cancellationToken),
                ["note"] = "Equality monitoring answers are never shown to staff one by one. The person sees their own answers in the copy they download through the link in their emails.",
            };
        }

        if (await store.FindForDataSubjectAsync(person.PersonKey, cancellationToken) is not { } found)
        {
            return null;
        }

        var node = JsonSerializer.SerializeToNode(found.Answers, JsonDefaults.Options)!.AsObject();
        node["submittedMonth"] = found.SubmittedMonth;
        return node;
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var personKey in people.Select(p => p.PersonKey).Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal))
        {
            deleted += await store.DeleteAsync(personKey, cancellationToken);
        }

        return deleted;
    }
}
