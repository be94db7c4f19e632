using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// What sits in the poison queues, and sending it back. A message that failed every attempt is moved to
/// "{queue}-poison" by the Functions host (or the local runtime), where nothing reads it; an admin sees it here with its
/// last error and, once the cause is fixed, sends it back to its queue. Every handler is safe to run twice (each records
/// what it has done), so a message sent back does only what was not done.
/// </summary>
public sealed class PoisonMessages(QueueServiceClient queues, QueueFailures failures)
{
    /// <summary>Messages shown per queue: the most storage returns from a look that does not take them.</summary>
    public const int Shown = 32;

    private const int Batch = 32;

    /// <summary>The queues whose poison queue has messages, with the oldest of them.</summary>
    public async Task<IReadOnlyList<PoisonQueueContents>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<PoisonQueueContents>();
        foreach (var queue in StorageNames.AllQueues)
        {
            if (await CountAsync(queue, cancellationToken) is var count and > 0)
            {
                result.Add(new PoisonQueueContents(queue, count, await PeekAsync(queue, cancellationToken)));
            }
        }

        return result;
    }

    /// <summary>How many messages wait in the poison queue of <paramref name="queue"/> (0 when it does not exist yet).</summary>
    public async Task<int> CountAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            return (await queues.GetQueueClient(StorageNames.PoisonQueueOf(queue)).GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    /// <summary>
    /// Sends the poisoned messages of <paramref name="queue"/> back to it: all of them, or only the one with
    /// <paramref name="messageId"/>. Each is added to its queue before it is deleted from the poison queue, so a crash
    /// between the two can send one twice (its handler then finds the work done), never lose it. Returns how many.
    /// </summary>
    public async Task<Result<int>> RequeueAsync(string queue, string? messageId, CancellationToken cancellationToken)
    {
        if (!StorageNames.AllQueues.Contains(queue, StringComparer.Ordinal))
        {
            return new Result<int>.NotFound($"There is no queue called \"{queue}\".");
        }

        var poison = queues.GetQueueClient(StorageNames.PoisonQueueOf(queue));
        var target = queues.GetQueueClient(queue);
        var sent = 0;
        var passedOver = new List<QueueMessage>();
        try
        {
            while (messageId is null || sent == 0)
            {
                // Taken for a minute, so the next look sees the next ones; those passed over are put back at the end.
                var batch = (await poison.ReceiveMessagesAsync(Batch, TimeSpan.FromMinutes(1), cancellationToken)).Value;
                if (batch.Length == 0)
                {
                    break;
                }

                foreach (var message in batch)
                {
                    if (messageId is not null && message.MessageId != messageId)
                    {
                        passedOver.Add(message);
                        continue;
                    }

                    var text = message.Body.ToString();
                    await target.SendMessageAsync(text, cancellationToken);
                    await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    await failures.ForgetAsync(queue, text, cancellationToken);
                    sent++;
                }
            }

            foreach (var message in passedOver)
            {
                await poison.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No poison queue yet: nothing ever failed on this queue.
        }

        return messageId is not null && sent == 0
            ? new Result<int>.NotFound("That message is no longer in the poison queue: it may have been sent back already.")
            : new Result<int>.Ok(sent);
    }

    private async Task<IReadOnlyList<PoisonMessage>> PeekAsync(string queue, CancellationToken cancellationToken)
    {
        var peeked = (await queues.GetQueueClient(StorageNames.PoisonQueueOf(queue)).PeekMessagesAsync(Shown, cancellationToken)).Value;
        var result = new List<PoisonMessage>(peeked.Length);
        foreach (PeekedMessage message in peeked)
        {
            var text = message.Body.ToString();
            result.Add(new PoisonMessage(message.MessageId, message.InsertedOn, text, await failures.FindAsync(queue, text, cancellationToken)));
        }

        return result;
    }
}
