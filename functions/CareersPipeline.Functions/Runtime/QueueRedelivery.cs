using Azure;
using Azure.Storage.Queues;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// Puts a queue message back as a fresh message when its run was cancelled because the app is stopping, so that the
/// cancelled delivery can be completed instead of failed. Storage counts a dequeue every time a message is received,
/// whatever happens next: a failed answer, or no answer at all, costs the message one of its <c>maxDequeueCount</c>
/// attempts. A fresh copy starts from none; the trade is that it also forgets earlier failed attempts. Both runtime
/// modes use it (docs/runtime.md, "Stopping").
/// </summary>
public sealed partial class QueueRedelivery(QueueServiceClient queues, ILogger<QueueRedelivery> logger)
{
    /// <summary>The app is stopping: a put-back that cannot finish in this time is given up, and the delivery fails as before.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    public async Task<bool> PutBackAsync(QueueFunction function, string message, string invocationId)
    {
        using var timeout = new CancellationTokenSource(Limit);
        try
        {
            await queues.GetQueueClient(function.QueueName).SendMessageAsync(message, timeout.Token);
            LogPutBack(logger, function.Name, invocationId, function.QueueName);
            return true;
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
        {
            LogPutBackFailed(logger, function.Name, invocationId, function.QueueName, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function} ({InvocationId}) was stopped; its message is back on {Queue} as a fresh message")]
    private static partial void LogPutBack(ILogger logger, string function, string invocationId, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ({InvocationId}) was stopped and its message could not be put back on {Queue} ({Error}); it is retried as a failed attempt")]
    private static partial void LogPutBackFailed(ILogger logger, string function, string invocationId, string queue, string error);
}
