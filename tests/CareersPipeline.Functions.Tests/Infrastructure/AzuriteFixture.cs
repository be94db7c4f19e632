using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>
/// A real Azurite (the project's pinned npm package), in memory, on free ports, for the whole test collection.
/// scripts/test installs it; the fixture fails with a clear message when it is missing.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private LocalAzurite? _azurite;

    public string ConnectionString { get; private set; } = string.Empty;

    public TableServiceClient Tables => new(ConnectionString);

    public QueueServiceClient Queues => new(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    /// <summary>Queues without base64 decoding, to see messages exactly as stored.</summary>
    public QueueServiceClient RawQueues => new(ConnectionString);

    public BlobServiceClient Blobs => new(ConnectionString);

    public async Task InitializeAsync()
    {
        _azurite = await LocalAzurite.StartAsync(RepoPaths.Root);
        ConnectionString = _azurite.ConnectionString;
    }

    public Task DisposeAsync()
    {
        _azurite?.Dispose();
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
