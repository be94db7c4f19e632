using System.Net;
using System.Text;
using CareersPipeline.Core.Email;
using Microsoft.Extensions.Options;
using Moq;
using SendGrid;
using SendGrid.Helpers.Mail;

namespace CareersPipeline.Core.Tests.Email;

public sealed class SendGridAttachmentTests
{
    [Fact]
    public async Task AnAttachment_GoesInTheSameRequest_AsBase64()
    {
        SendGridMessage? sent = null;
        var client = new Mock<ISendGridClient>();
        client.Setup(c => c.SendEmailAsync(It.IsAny<SendGridMessage>(), It.IsAny<CancellationToken>()))
            .Callback<SendGridMessage, CancellationToken>((m, _) => sent = m)
            .ReturnsAsync(new Response(HttpStatusCode.Accepted, null, null));
        var sender = new SendGridEmailSender(client.Object, Options.Create(new EmailOptions()));
        var content = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");

        await sender.SendAsync(new OutgoingEmail("p@example.org", "Interview", "<p>x</p>", "x", EmailKind.InterviewInvitation, "a1")
        {
            Attachments = [new EmailAttachment("interview.ics", CalendarFile.ContentType, content)],
        }, CancellationToken.None);

        var attachment = Assert.Single(sent!.Attachments);
        Assert.Equal("interview.ics", attachment.Filename);
        Assert.Equal(CalendarFile.ContentType, attachment.Type);
        Assert.Equal("attachment", attachment.Disposition);
        Assert.Equal(content, Convert.FromBase64String(attachment.Content));
    }
}
