using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Tests.Email;

public sealed class EmailBatchTests
{
    [Fact]
    public void Of_ManyRecipients_SplitsIntoBatchesOfAtMost1000()
    {
        var recipients = Enumerable.Range(0, 2500).Select(i => Recipient($"person{i}@example.org")).ToList();

        var batches = EmailBatch.Of(EmailKind.MatchDigest, "h", "t", recipients).ToList();

        Assert.Equal([1000, 1000, 500], batches.Select(b => b.Recipients.Count));
        Assert.Equal(recipients, batches.SelectMany(b => b.Recipients));
    }

    [Fact]
    public void Of_TheSameAddressTwice_NeverPutsItTwiceInOneBatch()
    {
        var recipients = new[] { Recipient("a@example.org"), Recipient("A@example.org"), Recipient("b@example.org"), Recipient("a@example.org") };

        var batches = EmailBatch.Of(EmailKind.MatchAlert, "h", "t", recipients).ToList();

        Assert.All(batches, b => Assert.Equal(b.Recipients.Count, b.Recipients.Select(r => r.To.ToLowerInvariant()).Distinct().Count()));
        Assert.Equal(4, batches.Sum(b => b.Recipients.Count));
    }

    [Fact]
    public void RenderFor_PutsTheRecipientsValuesIntoBothTemplates()
    {
        var batch = new EmailBatch(EmailKind.MatchAlert, "<p>Hello %%n_html%%</p>", "Hello %%n_text%%", []);
        var recipient = new BatchRecipient("a@example.org", "s", new Dictionary<string, string> { ["%%n_html%%"] = "Zo&euml;", ["%%n_text%%"] = "Zoë" }, new Dictionary<string, string>(), "a1");

        var (html, text) = batch.RenderFor(recipient);

        Assert.Equal("<p>Hello Zo&euml;</p>", html);
        Assert.Equal("Hello Zoë", text);
    }

    private static BatchRecipient Recipient(string to) => new(to, "Subject", new Dictionary<string, string>(), new Dictionary<string, string>(), "ref");
}
