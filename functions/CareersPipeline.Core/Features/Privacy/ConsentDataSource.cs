using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Consents: the current state for each purpose and the full history, the person's and each sign-up's own (a
/// guardian's consent is held per sign-up; see <see cref="ConsentLedger"/>).
/// </summary>
public sealed class ConsentDataSource(ConsentStore store) : IPersonalDataSource
{
    public string Section => "consents";

    public int ErasureOrder => 400;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var current = new List<ConsentView>();
        var history = new List<ConsentView>();
        foreach (var key in KeysOf(person))
        {
            current.AddRange(await store.CurrentAsync(key, cancellationToken));
            history.AddRange(await store.HistoryAsync(key, cancellationToken));
        }

        return new JsonObject
        {
            ["current"] = JsonSerializer.SerializeToNode(current, JsonDefaults.Options),
            ["history"] = JsonSerializer.SerializeToNode(history.OrderByDescending(c => c.At).ToList(), JsonDefaults.Options),
        };
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var key in people.SelectMany(KeysOf).Distinct(StringComparer.Ordinal))
        {
            deleted += await store.DeleteAllAsync(key, cancellationToken);
        }

        return deleted;
    }

    // The person's key, then each sign-up's own (the same key while a sign-up is unverified).
    private static IEnumerable<string> KeysOf(PersonRecords person) =>
        new[] { person.PersonKey }.Concat(person.ApplicantIds).Where(k => !string.IsNullOrEmpty(k)).Distinct(StringComparer.Ordinal);
}
