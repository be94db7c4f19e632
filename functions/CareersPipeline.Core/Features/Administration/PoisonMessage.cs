using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// A message that failed every attempt: its id in the poison queue, when it got there, its text (ids only: queue
/// messages never carry personal data) and, when this app saw it fail, why.
/// </summary>
public sealed record PoisonMessage(string MessageId, DateTimeOffset? PoisonedAt, string Text, QueueFailure? LastFailure);
