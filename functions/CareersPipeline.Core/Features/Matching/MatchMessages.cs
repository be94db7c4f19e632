using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>The match-people queue's message: a person to match again, by one of their applicant ids.</summary>
public sealed record MatchPersonMessage(string ApplicantId);

/// <summary>The match-candidates queue's message: a candidate that opened, changed or closed.</summary>
public sealed record MatchCandidateMessage(string CandidateId);

/// <summary>Asks for matching to run again, for a person or around a candidate. Messages carry ids only.</summary>
public sealed class MatchRequests(QueueSender queue)
{
    public Task PersonAsync(string applicantId, CancellationToken cancellationToken) =>
        queue.SendAsync(StorageNames.Queues.MatchPeople, new MatchPersonMessage(applicantId), cancellationToken);

    public Task CandidateAsync(string candidateId, CancellationToken cancellationToken) =>
        queue.SendAsync(StorageNames.Queues.MatchCandidates, new MatchCandidateMessage(candidateId), cancellationToken);
}
