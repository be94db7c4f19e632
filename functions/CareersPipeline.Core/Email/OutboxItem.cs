namespace CareersPipeline.Core.Email;

/// <summary>One email in the local outbox.</summary>
public sealed record OutboxItem(string Id, DateTimeOffset CreatedAt, string To, string Subject, string Html, string Text, EmailKind Kind, string ReferenceId)
{
    /// <summary>Headers the email carries besides the usual ones (List-Unsubscribe); empty for most.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Files sent with it, their content as base64 in the JSON; empty for most.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];

    // Newest first when listed in name order: inverted ticks sort descending.
    public static string BlobName(OutboxItem item) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - item.CreatedAt.UtcTicks:D19}-{item.Id}.json";

    public static OutboxItem? Read(BinaryData data) => data.ToObjectFromJson<OutboxItem>(JsonDefaults.Options);
}
