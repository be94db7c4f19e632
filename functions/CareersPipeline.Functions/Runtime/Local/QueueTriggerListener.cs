using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace CareersPipeline.Functions.Runtime.Local;

/// <summary>
/// Local stand-in for the host's queue trigger, with its semantics: batches of <c>batchSize</c>, a new batch once
/// in-flight work falls to <c>newBatchThreshold</c>, polling backing off to <c>maxPollingInterval</c> when idle,
/// failed messages made visible again after <c>visibilityTimeout</c>, and moved to "{queue}-poison" once they
/// have been dequeued <c>maxDequeueCount</c> times. A run cancelled because the app is stopping puts its message back
/// as a fresh one (<see cref="QueueRedelivery"/>), as hosted mode does.
/// </summary>
public sealed partial class QueueTriggerListener(
    QueueFunction function,
    QueueServiceClient queues,
    QueueSettings settings,
    FunctionInvoker invoker,
    QueueRedelivery redelivery,
    StorageReadiness storage,
    TimeProvider time,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    private readonly QueueClient _queue = queues.GetQueueClient(function.QueueName);
    private readonly QueueClient _poison = queues.GetQueueClient(function.QueueName + "-poison");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.WaitAsync(stoppingToken);
        var inFlight = new List<Task>();
        var delay = QueueSettings.MinimumPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveAll(t => t.IsCompleted);
                if (inFlight.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }

                QueueMessage[] batch;
                try
                {
                    batch = (await _queue.ReceiveMessagesAsync(settings.BatchSize, QueueSettings.ProcessingVisibility, stoppingToken)).Value;
                }
                catch (RequestFailedException e)
                {
                    LogReceiveFailed(logger, function.QueueName, e.Status);
                    batch = [];
                }

                if (batch.Length == 0)
                {
                    await Task.Delay(delay, time, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }

                delay = QueueSettings.MinimumPollingInterval;
                foreach (var message in batch)
                {
                    inFlight.Add(Task.Run(() => ProcessAsync(message, stoppingToken), CancellationToken.None));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // Wait for the running invocations: the stop cancels them, and each puts its message back before the app exits.
        await Task.WhenAll(inFlight);
    }

    private async Task ProcessAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
                return;
            }

            var body = message.Body.ToString();
            var result = await invoker.InvokeQueueAsync(function, body, message.MessageId, message.DequeueCount, stoppingToken);
            if (result.Success || (result.Cancelled && await redelivery.PutBackAsync(function, body, message.MessageId)))
            {
                await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
            }
            else if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(message);
            }
            else
            {
                await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
            }
        }
        catch (RequestFailedException e)
        {
            // Usually the pop receipt expired; the message reappears and is retried, as with the host.
            LogSettleFailed(logger, function.QueueName, message.MessageId, e.Status);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage message)
    {
        await _poison.SendMessageAsync(message.Body.ToString(), null, TimeSpan.FromSeconds(-1), CancellationToken.None);
        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None);
        LogPoisoned(logger, message.MessageId, function.QueueName, message.DequeueCount);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved to {Queue}-poison after {DequeueCount} attempts")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string queue, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from {Queue} failed: HTTP {Status}")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling message {MessageId} on {Queue} failed: HTTP {Status}")]
    private static partial void LogSettleFailed(ILogger logger, string queue, string messageId, int status);
}
