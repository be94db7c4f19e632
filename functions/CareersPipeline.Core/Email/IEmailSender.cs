namespace CareersPipeline.Core.Email;

public interface IEmailSender
{
    /// <summary>Hands the email to the provider; throws when it was not accepted, so the queue retries.</summary>
    Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken);

    /// <summary>Hands a batch to the provider in one request; throws when it was not accepted, and then none of it was.</summary>
    Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken);
}
