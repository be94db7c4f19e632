namespace CareersPipeline.Core.Features.Notifications;

/// <summary>A composed email, ready for a sender. <paramref name="ReferenceId"/> ties it to a record without personal data.</summary>
public sealed record OutgoingEmail(string To, string Subject, string Html, string Text, EmailKind Kind, string ReferenceId);

public interface IEmailSender
{
    /// <summary>Hands the email to the provider; throws when it was not accepted, so the queue retries.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);

    /// <summary>Hands a batch to the provider in one request; throws when it was not accepted, and then none of it was.</summary>
    Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken);
}
