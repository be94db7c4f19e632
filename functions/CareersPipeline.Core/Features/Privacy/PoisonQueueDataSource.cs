using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Messages about the person in the poison queues. Messages carry ids only, never personal data; poison messages
/// wait for a person to look at them, so those about an erased person are removed. Live queues are left alone
/// (receiving every message to filter it would count as a delivery attempt for everyone else's messages); their
/// handlers drop a message whose applicant no longer exists.
/// </summary>
public sealed class PoisonQueueDataSource(QueueServiceClient queues) : IPersonalDataSource
{
    private const int MaxBatches = 500;

    public string Section => "queuedMessages";

    public int ErasureOrder => 100;

    public Task<JsonNode?> ExportAsync(PersonRecords person, SubjectAccessAudience audience, CancellationToken cancellationToken) => Task.FromResult<JsonNode?>(null);

    public async Task<int> EraseAsync(IReadOnlyList<PersonRecords> people, ErasureContext context, CancellationToken cancellationToken)
    {
        var ids = people.SelectMany(p => p.ApplicantIds).ToList();
        var removed = 0;
        foreach (var name in StorageNames.AllQueues.Select(q => q + "-poison"))
        {
            var queue = queues.GetQueueClient(name);
            if (!await queue.ExistsAsync(cancellationToken))
            {
                continue;
            }

            var others = new List<(string Id, string PopReceipt)>();
            for (var batch = 0; batch < MaxBatches; batch++)
            {
                var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(2), cancellationToken)).Value;
                if (messages.Length == 0)
                {
                    break;
                }

                foreach (var message in messages)
                {
                    var body = message.Body.ToString();
                    if (ids.Any(id => body.Contains(id, StringComparison.Ordinal)))
                    {
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                        removed++;
                    }
                    else
                    {
                        others.Add((message.MessageId, message.PopReceipt));
                    }
                }
            }

            // Everyone else's poison messages become visible again, as they were.
            foreach (var (id, popReceipt) in others)
            {
                await queue.UpdateMessageAsync(id, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
            }
        }

        return removed;
    }
}
