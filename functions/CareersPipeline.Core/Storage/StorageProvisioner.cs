using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace CareersPipeline.Core.Storage;

/// <summary>Creates the tables, queues (with their poison twins) and containers the pipeline needs. Idempotent.</summary>
public sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var table in StorageNames.AllTables)
        {
            await tables.CreateTableIfNotExistsAsync(table, cancellationToken);
        }

        foreach (var queue in StorageNames.AllQueues)
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await queues.GetQueueClient(queue + "-poison").CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        foreach (var container in StorageNames.AllContainers)
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }
}
