using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// What applying holds about a person, for subject access and erasure: every application with its history, and the
/// dated journey events. Erasure deletes them all, so an employer's list no longer shows the person.
/// </summary>
public sealed class ApplicationsDataSource(ApplicationStore store, JourneyEvents journey) : IPersonalDataSource
{
    public string Section => "applications";

    public int ErasureOrder => 340;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var applications = new JsonArray();
        foreach (var application in await ApplicationsOfAsync(person, cancellationToken))
        {
            var node = JsonSerializer.SerializeToNode(application, JsonDefaults.Options)!;
            node["history"] = JsonSerializer.SerializeToNode(await store.EventsAsync(application.Id, cancellationToken), JsonDefaults.Options);
            applications.Add(node);
        }

        var events = await journey.ListAsync(person.PersonKey, cancellationToken);
        return applications.Count == 0 && events.Count == 0
            ? null
            : new JsonObject
            {
                ["applications"] = applications,
                ["journey"] = JsonSerializer.SerializeToNode(events.Select(e => new { e.Stage, e.At }), JsonDefaults.Options),
            };
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var person in people)
        {
            foreach (var application in await ApplicationsOfAsync(person, cancellationToken))
            {
                erased += await store.DeleteAsync(application, cancellationToken) > 0 ? 1 : 0;
            }

            erased += await journey.DeleteAsync(person.PersonKey, cancellationToken);
        }

        return erased;
    }

    /// <summary>By the person's list; only a verified person applies, so the person key is the one they applied with.</summary>
    private async Task<IReadOnlyList<JobApplication>> ApplicationsOfAsync(PersonRecords person, CancellationToken cancellationToken)
    {
        var found = new List<JobApplication>();
        foreach (var id in await store.IdsOfPersonAsync(person.PersonKey, cancellationToken))
        {
            if (await store.FindAsync(id, cancellationToken) is { } application && application.Value.PersonKey == person.PersonKey)
            {
                found.Add(application.Value);
            }
        }

        return found;
    }
}
