using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Health;

/// <summary>Checks that each storage service answers, with a short timeout so a health probe never hangs.</summary>
public sealed class StorageHealthCheck(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, TimeProvider time)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(
            ProbeAsync("tables", ct => tables.GetTableClient(StorageNames.Tables.Applicants).QueryAsync<TableEntity>(maxPerPage: 1, cancellationToken: ct).AsPages().GetAsyncEnumerator(ct).MoveNextAsync().AsTask(), cancellationToken),
            ProbeAsync("queues", ct => queues.GetQueueClient(StorageNames.Queues.SignUps).GetPropertiesAsync(ct), cancellationToken),
            ProbeAsync("blobs", ct => blobs.GetBlobContainerClient(StorageNames.Containers.Outbox).GetPropertiesAsync(cancellationToken: ct), cancellationToken));
        return new HealthReport(checks.All(c => c.Healthy) ? "Healthy" : "Unhealthy", checks);
    }

    private async Task<ComponentHealth> ProbeAsync(string name, Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await probe(timeout.Token);
            return new ComponentHealth(name, true, null, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            // The error type only: messages from storage can echo account names and URLs.
            return new ComponentHealth(name, false, e.GetType().Name, time.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}

public sealed record HealthReport(string Status, IReadOnlyList<ComponentHealth> Components)
{
    public bool Healthy => Status == "Healthy";
}

public sealed record ComponentHealth(string Name, bool Healthy, string? Error, double DurationMs);
