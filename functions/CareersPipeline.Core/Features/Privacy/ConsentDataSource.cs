using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>Consents: the current state for each purpose and the full history.</summary>
public sealed class ConsentDataSource(ConsentStore store) : IPersonalDataSource
{
    public string Section => "consents";

    public int ErasureOrder => 400;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken) => new JsonObject
    {
        ["current"] = JsonSerializer.SerializeToNode(await store.CurrentAsync(person.PersonKey, cancellationToken), JsonDefaults.Options),
        ["history"] = JsonSerializer.SerializeToNode(await store.HistoryAsync(person.PersonKey, cancellationToken), JsonDefaults.Options),
    };

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var personKey in people.Select(p => p.PersonKey).Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal))
        {
            deleted += await store.DeleteAllAsync(personKey, cancellationToken);
        }

        return deleted;
    }
}
