using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Messages;

/// <summary>Asks for matching to run again, for a person or around a candidate. Messages carry ids only.</summary>
public sealed class MatchRequests(QueueSender queue)
{
    public Task PersonAsync(string applicantId, CancellationToken cancellationToken) =>
        queue.SendAsync(StorageNames.Queues.MatchPeople, new MatchPersonMessage(applicantId), cancellationToken);

    public Task CandidateAsync(string candidateId, CancellationToken cancellationToken) =>
        queue.SendAsync(StorageNames.Queues.MatchCandidates, new MatchCandidateMessage(candidateId), cancellationToken);
}
