namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// A queue's poison queue: how many messages wait there (storage's approximate count) and the oldest of them, up to
/// <see cref="PoisonMessages.Shown"/> (what storage lets anyone look at without taking them).
/// </summary>
public sealed record PoisonQueueContents(string Queue, int Count, IReadOnlyList<PoisonMessage> Messages);
