using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CareersPipeline.Functions.Tests.Email;

/// <summary>
/// A queue message that emails two people, where the provider refuses the second: the retry emails only the second.
/// (Levy decisions went to both parties again on every retry, up to five copies of one email.)
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SendOnceTests(AzuriteFixture storage)
{
    [Fact]
    public async Task RetriedMessageToTwoPeople_EmailsEachExactlyOnce()
    {
        var sender = new Mock<IEmailSender>();
        var failuresLeft = 2;
        sender.Setup(s => s.SendAsync(It.Is<OutgoingEmail>(e => e.To == "second@example.org"), It.IsAny<CancellationToken>()))
            .Returns(() => failuresLeft-- > 0 ? throw new EmailNotAcceptedException(500) : Task.CompletedTask);
        var mailer = await MailerAsync(sender.Object);
        var message = Guid.NewGuid().ToString("n");
        OutgoingEmail[] emails = [Email("first@example.org"), Email("second@example.org")];

        // The queue delivers the message until it succeeds; each delivery walks the same list.
        var deliveries = 0;
        while (true)
        {
            deliveries++;
            try
            {
                foreach (var email in emails)
                {
                    await mailer.SendOnceAsync(email, $"test|{message}|{email.To}", CancellationToken.None);
                }

                break;
            }
            catch (EmailNotAcceptedException)
            {
                Assert.True(deliveries < 5, "the message would have gone to the poison queue");
            }
        }

        Assert.Equal(3, deliveries);
        sender.Verify(s => s.SendAsync(It.Is<OutgoingEmail>(e => e.To == "first@example.org"), It.IsAny<CancellationToken>()), Times.Once);
        sender.Verify(s => s.SendAsync(It.Is<OutgoingEmail>(e => e.To == "second@example.org"), It.IsAny<CancellationToken>()), Times.Exactly(3));
        Assert.False(await mailer.SendOnceAsync(emails[1], $"test|{message}|second@example.org", CancellationToken.None));
    }

    [Fact]
    public async Task TheSameEmailForAnotherMessage_IsSent()
    {
        var sender = new Mock<IEmailSender>();
        var mailer = await MailerAsync(sender.Object);

        Assert.True(await mailer.SendOnceAsync(Email("a@example.org"), $"test|{Guid.NewGuid():n}|a", CancellationToken.None));
        Assert.True(await mailer.SendOnceAsync(Email("a@example.org"), $"test|{Guid.NewGuid():n}|a", CancellationToken.None));

        sender.Verify(s => s.SendAsync(It.IsAny<OutgoingEmail>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private async Task<Mailer> MailerAsync(IEmailSender sender)
    {
        await storage.Tables.GetTableClient(StorageNames.Tables.SentEmails).CreateIfNotExistsAsync();
        var ledger = new ConsentLedger(new ConsentStore(storage.Tables), TimeProvider.System, NullLogger<ConsentLedger>.Instance);
        return new Mailer(sender, new ConsentGate(ledger, TimeProvider.System, NullLogger<ConsentGate>.Instance), new SentEmailLog(storage.Tables), TimeProvider.System, NullLogger<Mailer>.Instance);
    }

    private static OutgoingEmail Email(string to) => new(to, "Subject", "<p>Hello</p>", "Hello", EmailKind.LevyTransferUpdate, "reference");
}
