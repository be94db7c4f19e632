namespace CareersPipeline.Core.Email;

/// <summary>A composed email, ready for a sender. <paramref name="ReferenceId"/> ties it to a record without personal data.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Html, string Text, EmailKind Kind, string ReferenceId)
{
    /// <summary>Files sent with it (most emails have none).</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
