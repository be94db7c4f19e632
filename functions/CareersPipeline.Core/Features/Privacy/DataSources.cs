using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// The sign-ups themselves (every row in each applicant's partition of the Applicants table), exported field by field
/// so that fields added later are covered too. Erased last; each erased sign-up is counted in the Aggregates table
/// by month, door and route first, so the service's numbers survive.
/// </summary>
public sealed class SignUpDataSource(TableServiceClient tables, AggregateCounters aggregates) : IPersonalDataSource
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Applicants);

    public string Section => "signUps";

    public int ErasureOrder => 1000;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        foreach (var id in person.ApplicantIds)
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            {
                result.Add(TableJson.ToJson(row, "applicantId"));
            }
        }

        return result;
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var id in people.SelectMany(p => p.ApplicantIds))
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            {
                if (!await DeleteAsync(row, cancellationToken))
                {
                    continue;
                }

                erased++;
                if (row.RowKey == People.ApplicantEntity.Row)
                {
                    var month = (row.GetDateTimeOffset(nameof(People.ApplicantEntity.CreatedAt)) ?? context.At).UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                    var door = row.GetString(nameof(People.ApplicantEntity.Door)) ?? "Unknown";
                    var route = row.GetString(nameof(People.ApplicantEntity.Route)) ?? "None";
                    await aggregates.IncrementAsync(AggregateCounters.ErasedSignUps, $"{month}|{door}|{route}|{context.Reason}", 1, cancellationToken);
                }
            }
        }

        return erased;
    }

    // Deleted by us (true), or already gone because a concurrent erasure got there first (false, not counted twice).
    private async Task<bool> DeleteAsync(TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }
}

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

/// <summary>
/// Copies of emails in the outbox container (local mode, or any email kept there): those addressed to the person
/// or about one of their sign-ups (the guardian's emails about a child carry the child's applicant id).
/// </summary>
public sealed class OutboxDataSource(BlobServiceClient blobs) : IPersonalDataSource
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.Outbox);

    public string Section => "emails";

    public int ErasureOrder => 200;

    public async Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken)
    {
        var result = new JsonArray();
        await foreach (var (_, item) in MatchingAsync([person], cancellationToken))
        {
            result.Add(new JsonObject
            {
                ["sentAt"] = item.CreatedAt,
                ["to"] = item.To,
                ["kind"] = item.Kind.ToString(),
                ["subject"] = item.Subject,
                ["text"] = item.Text,
            });
        }

        return result;
    }

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var (name, _) in MatchingAsync(people, cancellationToken))
        {
            await _container.DeleteBlobIfExistsAsync(name, cancellationToken: cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private async IAsyncEnumerable<(string Name, OutboxItem Item)> MatchingAsync(IReadOnlyList<PersonRecords> people, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!await _container.ExistsAsync(cancellationToken))
        {
            yield break;
        }

        var ids = people.SelectMany(p => p.ApplicantIds).ToHashSet(StringComparer.Ordinal);
        var emails = people.SelectMany(p => p.Emails).ToHashSet(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await _container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            if (ReadItem(content.Value.Content) is { } item && (ids.Contains(item.ReferenceId) || emails.Contains(item.To.ToLowerInvariant())))
            {
                yield return (blob.Name, item);
            }
        }
    }

    internal static OutboxItem? ReadItem(BinaryData content)
    {
        try
        {
            return OutboxItem.Read(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

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

/// <summary>
/// Messages about the person in the poison queues. Messages carry ids only, never personal data; poison messages
/// wait for a person to look at them, so those about an erased person are removed. Live queues are left alone
/// (receiving every message to filter it would count as a delivery attempt for everyone else's messages); their
/// handlers drop a message whose applicant no longer exists.
/// </summary>
public sealed class PoisonQueueDataSource(QueueServiceClient queues) : IPersonalDataSource
{
    private const int MaxBatches = 500;

    public string Section => "queuedMessages";

    public int ErasureOrder => 100;

    public Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var ids = people.SelectMany(p => p.ApplicantIds).ToList();
        var removed = 0;
        foreach (var name in StorageNames.AllQueues.Select(q => q + "-poison"))
        {
            var queue = queues.GetQueueClient(name);
            if (!await queue.ExistsAsync(cancellationToken))
            {
                continue;
            }

            var others = new List<(string Id, string PopReceipt)>();
            for (var batch = 0; batch < MaxBatches; batch++)
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2), cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    break;
                }

                foreach (var message in messages)
                {
                    var body = message.Body.ToString();
                    if (ids.Any(id => body.Contains(id, StringComparison.Ordinal)))
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                        removed++;
                    }
                    else
                    {
                        others.Add((message.MessageId, message.PopReceipt));
                    }
                }
            }

            // Everyone else's poison messages become visible again, as they were.
            foreach (var (id, popReceipt) in others)
            {
                await queue.UpdateMessageAsync(id, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            }
        }

        return removed;
    }
}

/// <summary>Table rows as JSON for exports: every property, camelCase, without storage bookkeeping.</summary>
internal static class TableJson
{
    public static JsonObject ToJson(TableEntity row, string partitionKeyName)
    {
        var node = new JsonObject { [partitionKeyName] = row.PartitionKey, ["record"] = row.RowKey };
        foreach (var (key, value) in row.Where(p => p.Key is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp")).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            node[JsonNamingPolicy.CamelCase.ConvertName(key)] = value switch
            {
                null => null,
                string s => s,
                bool b => b,
                int i => i,
                long l => l,
                double d => d,
                DateTimeOffset t => t,
                DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
                Guid g => g.ToString(),
                byte[] bytes => Convert.ToBase64String(bytes),
                _ => value.ToString(),
            };
        }

        node["lastChanged"] = row.Timestamp;
        return node;
    }
}
