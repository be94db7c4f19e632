using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Email;

/// <summary>
/// Local stand-in for SendGrid: each email becomes a JSON blob in the outbox container, which the local
/// outbox page lists. Used when no SendGrid key is configured.
/// </summary>
public sealed class OutboxEmailSender(BlobServiceClient blobs, TimeProvider time) : IEmailSender
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.Outbox);

    public Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken) =>
        WriteAsync(new OutboxItem(Guid.NewGuid().ToString("n"), time.GetUtcNow(), email.To, email.Subject, email.Html, email.Text, email.Kind, email.ReferenceId) { Attachments = email.Attachments }, cancellationToken);

    /// <summary>Each recipient's email as SendGrid would deliver it: the templates with their values, and their headers.</summary>
    public async Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken)
    {
        foreach (var recipient in batch.Recipients)
        {
            var (html, text) = batch.RenderFor(recipient);
            var item = new OutboxItem(Guid.NewGuid().ToString("n"), time.GetUtcNow(), recipient.To, recipient.Subject, html, text, batch.Kind, recipient.ReferenceId)
            {
                Headers = recipient.Headers,
            };
            await WriteAsync(item, cancellationToken);
        }
    }

    private async Task WriteAsync(OutboxItem item, CancellationToken cancellationToken) =>
        await _container.GetBlobClient(OutboxItem.BlobName(item)).UploadAsync(
            BinaryData.FromObjectAsJson(item, JsonDefaults.Options),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken);
}
