using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CareersPipeline.Core.Email;

public sealed class SendGridEmailSender(ISendGridClient client, IOptions<EmailOptions> options) : IEmailSender
{
    public async Task SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var message = MailHelper.CreateSingleEmail(
            new EmailAddress(options.Value.FromEmail, options.Value.FromName),
            new EmailAddress(email.To),
            email.Subject,
            email.Text,
            email.Html);
        message.AddCategory(email.Kind.ToString());
        message.AddCustomArg("reference", email.ReferenceId);
        foreach (var attachment in email.Attachments)
        {
            message.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType, "attachment");
        }

        await SendAsync(message, cancellationToken);
    }

    /// <summary>One request: the templates as the content, one personalization per recipient with their values and headers.</summary>
    public async Task SendBatchAsync(EmailBatch batch, CancellationToken cancellationToken)
    {
        if (batch.Recipients.Count is 0 or > EmailBatch.MaxRecipients)
        {
            throw new ArgumentException($"A batch has 1 to {EmailBatch.MaxRecipients} recipients, not {batch.Recipients.Count}.", nameof(batch));
        }

        var message = new SendGridMessage
        {
            From = new EmailAddress(options.Value.FromEmail, options.Value.FromName),
            Subject = batch.Recipients[0].Subject,
            PlainTextContent = batch.TextTemplate,
            HtmlContent = batch.HtmlTemplate,
            Personalizations = [.. batch.Recipients.Select(r => new Personalization
            {
                Tos = [new EmailAddress(r.To)],
                Subject = r.Subject,
                Substitutions = new Dictionary<string, string>(r.Substitutions),
                Headers = new Dictionary<string, string>(r.Headers),
                CustomArgs = new Dictionary<string, string> { ["reference"] = r.ReferenceId },
            })],
        };
        message.AddCategory(batch.Kind.ToString());
        await SendAsync(message, cancellationToken);
    }

    private async Task SendAsync(SendGridMessage message, CancellationToken cancellationToken)
    {
        var response = await client.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new EmailNotAcceptedException((int)response.StatusCode);
        }
    }
}
