using CareersPipeline.Core.Storage;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// Creates tables, queues and containers in the background at start-up, so the process answers its first
/// request (the host's start-up probe) at once; work that needs storage awaits <see cref="WaitAsync"/>.
/// </summary>
public sealed partial class StorageReadiness(StorageProvisioner provisioner, ILogger<StorageReadiness> logger) : IHostedService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => ProvisionAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await provisioner.EnsureCreatedAsync(cancellationToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception e) when (attempt < 30)
            {
                // Storage may still be starting (Azurite launched alongside us); keep trying for about a minute.
                LogRetry(logger, attempt, e.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
            catch (Exception e)
            {
                _ready.TrySetException(e);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage not ready (attempt {Attempt}, {ErrorType}); retrying")]
    private static partial void LogRetry(ILogger logger, int attempt, string errorType);
}

public static class StorageReadinessMiddleware
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Holds requests that need storage until tables and queues exist (milliseconds after start), so the very first
    /// request after a cold start cannot fail on a missing table. The start-up probe and health are not held.
    /// </summary>
    public static Microsoft.AspNetCore.Builder.IApplicationBuilder UseStorageReadiness(this Microsoft.AspNetCore.Builder.IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (path == "/" || path.StartsWithSegments("/api/health"))
            {
                await next(context);
                return;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            timeout.CancelAfter(Patience);
            try
            {
                await context.RequestServices.GetRequiredService<StorageReadiness>().WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!context.RequestAborted.IsCancellationRequested)
            {
                await Api.Problems.Write(context, Microsoft.AspNetCore.Http.StatusCodes.Status503ServiceUnavailable, "Starting up", "Storage is not ready yet. Try again in a few seconds.");
                return;
            }

            await next(context);
        });
}
