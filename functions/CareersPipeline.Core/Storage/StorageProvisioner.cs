using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace CareersPipeline.Core.Storage;

/// <summary>Creates the tables, queues (with their poison twins) and containers the pipeline needs. Idempotent.</summary>
public sealed class StorageProvisioner(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
{
    // All at once: about thirty round trips one after another held up every start-up (and each test's app) for seconds.
    public Task EnsureCreatedAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(
        [
            .. StorageNames.AllTables.Select(table => tables.CreateTableIfNotExistsAsync(table, cancellationToken)),
            .. StorageNames.AllQueues.SelectMany(queue => new[] { queue, queue + "-poison" })
                .Select(queue => queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken)),
            .. StorageNames.AllContainers.Select(container => blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken)),
        ]);
}
