using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// The levy-email queue's message: which application, and which change (its history length at the time; 0 is the
/// application arriving). Ids only: the handler reads the names and addresses from the table.
/// </summary>
public sealed record LevyEmailMessage(string ApplicationId, int Change);

public sealed class LevyNotifications(QueueSender queue)
{
    public Task ChangedAsync(PledgeApplication application, CancellationToken cancellationToken) =>
        queue.SendAsync(StorageNames.Queues.LevyEmails, new LevyEmailMessage(application.Id, application.History.Count), cancellationToken);
}
