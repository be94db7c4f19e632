using Azure.Storage.Blobs;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Email;

/// <summary>Reads the local outbox, newest first.</summary>
public sealed class OutboxReader(BlobServiceClient blobs)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.Outbox);

    public async Task<IReadOnlyList<OutboxItem>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var content = await _container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            if (OutboxItem.Read(content.Value.Content) is { } item)
            {
                items.Add(item);
            }

            if (items.Count >= max)
            {
                break;
            }
        }

        return items;
    }
}
