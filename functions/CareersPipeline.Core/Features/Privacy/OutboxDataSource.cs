using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Privacy;

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
