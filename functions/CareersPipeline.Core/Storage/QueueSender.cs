using System.Text.Json;
using Azure.Storage.Queues;

namespace CareersPipeline.Core.Storage;

/// <summary>
/// Puts a message on a queue as JSON. The <see cref="QueueServiceClient"/> is configured for base64,
/// the encoding the Functions host expects, so local and hosted runtimes read the same messages.
/// Messages carry ids only, never personal data.
/// </summary>
public sealed class QueueSender(QueueServiceClient queues)
{
    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null)
    {
        var body = JsonSerializer.Serialize(message, JsonDefaults.Options);
        await queues.GetQueueClient(queueName).SendMessageAsync(body, visibilityDelay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
    }
}
