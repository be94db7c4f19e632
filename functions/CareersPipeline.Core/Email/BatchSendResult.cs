namespace CareersPipeline.Core.Email;

/// <summary>How many recipients' emails were accepted, and how many were in batches that failed.</summary>
public sealed record BatchSendResult(int Sent, int Failed)
{
    public static BatchSendResult None { get; } = new(0, 0);

    public BatchSendResult Plus(BatchSendResult other) => new(Sent + other.Sent, Failed + other.Failed);
}
