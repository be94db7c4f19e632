using Azure.Storage.Blobs;

namespace CareersPipeline.Functions.Runtime.Local;

/// <summary>
/// The timer monitor's status blob, where the host keeps it (azure-webjobs-hosts/timers/{hostId}/{function}/status),
/// so a run missed while the app was down is noticed as past due on the next start.
/// </summary>
public sealed class TimerStatusStore(BlobServiceClient blobs, IConfiguration configuration)
{
    private const string Container = "azure-webjobs-hosts";
    private readonly string _hostId = configuration["AzureFunctionsWebHost:hostid"] ?? "careerspipeline-local";

    public async Task<TimerStatus?> ReadAsync(string function, CancellationToken cancellationToken)
    {
        var blob = Blob(function);
        if (!await blob.ExistsAsync(cancellationToken))
        {
            return null;
        }

        var content = await blob.DownloadContentAsync(cancellationToken);
        return content.Value.Content.ToObjectFromJson<TimerStatus>();
    }

    public async Task WriteAsync(string function, TimerStatus status, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(Container);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Blob(function).UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true, cancellationToken);
    }

    private BlobClient Blob(string function) =>
        blobs.GetBlobContainerClient(Container).GetBlobClient($"timers/{_hostId}/{function}/status");
}

/// <summary>The host's timer status record (its property names, PascalCase).</summary>
public sealed record TimerStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
