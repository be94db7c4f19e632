using System.Text.Json.Nodes;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>The staff access audit trail about the person's records. The person sees which roles looked and when; staff see names.</summary>
public sealed class AuditDataSource(PersonAccessAudit audit) : IPersonalDataSource
{
    public string Section => "staffAccess";

    public int ErasureOrder => 500;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var entries = await audit.ListAsync(person.ApplicantIds, cancellationToken);
        var result = new JsonArray();
        foreach (var e in entries)
        {
            var node = new JsonObject
            {
                ["at"] = e.At,
                ["record"] = e.Record,
                ["action"] = e.Action,
                ["by"] = e.StaffRoles is { Length: > 0 } roles ? $"{e.Actor} ({roles})" : e.Actor.ToString(),
            };
            if (audience == SubjectAccessAudience.Staff)
            {
                node["staffSubjectId"] = e.StaffSubjectId;
                node["staffName"] = e.StaffName;
                node["endpoint"] = e.Endpoint;
            }

            result.Add(node);
        }

        return result;
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken) =>
        await audit.AnonymiseAsync(people.SelectMany(p => p.ApplicantIds), context.Reference, cancellationToken);
}
