using Microsoft.Extensions.Options;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CareersPipeline.Core.Features.Notifications;

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

        var response = await client.SendEmailAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new EmailNotAcceptedException((int)response.StatusCode);
        }
    }
}

public sealed class EmailNotAcceptedException(int statusCode)
    : Exception($"SendGrid did not accept the email: HTTP {statusCode}")
{
    public int StatusCode { get; } = statusCode;
}
