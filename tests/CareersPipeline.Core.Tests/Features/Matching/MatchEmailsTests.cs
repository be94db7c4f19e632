using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Tests.Features.SignUps;
using CareersPipeline.Web.Rendering;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static CareersPipeline.Core.Tests.Features.Matching.MatchRecordTests;

namespace CareersPipeline.Core.Tests.Features.Matching;

public sealed class MatchEmailsTests
{
    private const string BaseUrl = "https://careers.example.org";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(MatchTestData.Today, new TimeOnly(9, 0), TimeSpan.Zero));
    private readonly SignedTokens _tokens;

    public MatchEmailsTests() => _tokens = new SignedTokens(Options.Create(new SigningOptions { Key = "match-email-test-key" }), _time);

    [Fact]
    public void Alert_CarriesTheMatchesTheirReasonsAndEveryLink()
    {
        var applicant = SignUpTestData.Applicant();
        var recipient = CreateSut().Alert(applicant, [Stored("o1", 90, closesInDays: 3)], MatchTestData.Today);
        var (html, text) = Batch(recipient).RenderFor(recipient);

        Assert.Equal(applicant.Email, recipient.To);
        Assert.Equal("A new match for you: Title o1", recipient.Subject);
        Assert.Contains("2.5 miles away; matches your interest in nursing; closes in 3 days", html, StringComparison.Ordinal);
        Assert.Contains("2.5 miles away; matches your interest in nursing; closes in 3 days", text, StringComparison.Ordinal);
        Assert.Equal(_tokens.Read(MatchLinks.MatchesPurpose, TokenIn(text, "/api/matches?token=")).Subject, SignUpTestData.Subject(applicant));
        Assert.Equal(_tokens.Read(MatchLinks.UnsubscribePurpose, TokenIn(text, "/api/matches/unsubscribe?token=")).Subject, SignUpTestData.Subject(applicant));
        Assert.Contains("/api/privacy/manage?token=", text, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://site.example.org/opportunities/o1/\">Title o1</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("%%", html + text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEmail_HasTheOneClickUnsubscribeHeaders()
    {
        var applicant = SignUpTestData.Applicant();
        var sut = CreateSut();

        foreach (var recipient in new[] { sut.Alert(applicant, [Stored("o1", 90)], MatchTestData.Today), sut.Digest(applicant, [Stored("o1", 60)], MatchTestData.Today), sut.Reminder(applicant, Stored("o1", 0), 2, MatchTestData.Today) })
        {
            var header = recipient.Headers["List-Unsubscribe"];
            Assert.StartsWith($"<{BaseUrl}/api/matches/unsubscribe?token=", header, StringComparison.Ordinal);
            Assert.EndsWith(">", header, StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", recipient.Headers["List-Unsubscribe-Post"]);
        }
    }

    [Fact]
    public void Alert_EncodesWhatCameFromPeopleAndEmployers()
    {
        var applicant = SignUpTestData.Applicant();
        applicant.FirstName = "<b>Amy</b>";
        var match = Stored("o1", 90) with { Title = "Porter <script>alert(1)</script>", OrganisationName = "A & B" };

        var recipient = CreateSut().Alert(applicant, [match], MatchTestData.Today);
        var (html, _) = Batch(recipient).RenderFor(recipient);

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Amy", html, StringComparison.Ordinal);
        Assert.Contains("A &amp; B", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_ListsWhatClosesWithinAWeekFirst()
    {
        var matches = new[] { Stored("late-best", 99, closesInDays: 30), Stored("soon", 60, closesInDays: 6), Stored("soonest", 50, closesInDays: 2), Stored("mid", 80, closesInDays: 12) };

        var recipient = CreateSut().Digest(SignUpTestData.Applicant(), matches, MatchTestData.Today);
        var (_, text) = Batch(recipient).RenderFor(recipient);

        var order = new[] { "soonest", "soon", "mid", "late-best" }.Select(id => text.IndexOf($"Title {id} ", StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i >= 0));
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public void Digest_TooLongForOnePersonalization_IsCutToFitAndSaysHowManyMore()
    {
        var matches = Enumerable.Range(0, 40).Select(i => Stored($"o{i:D2}", 60) with { Title = new string('t', 150) + i, Explanation = new string('e', 200) }).ToList();

        var recipient = CreateSut().Digest(SignUpTestData.Applicant(), matches, MatchTestData.Today);

        var bytes = recipient.Substitutions.Sum(s => System.Text.Encoding.UTF8.GetByteCount(s.Key) + System.Text.Encoding.UTF8.GetByteCount(s.Value));
        Assert.True(bytes <= MatchEmails.MaxSubstitutionBytes, $"{bytes} bytes");
        Assert.Contains("more on your matches page", recipient.Substitutions.Values.First(v => v.Contains("this week", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(7, "Closes in 7 days: Title o1")]
    [InlineData(2, "Closes in 2 days: Title o1")]
    [InlineData(1, "Closes tomorrow: Title o1")]
    public void Reminder_SaysWhenItCloses(int daysLeft, string subject)
    {
        Assert.Equal(subject, CreateSut().Reminder(SignUpTestData.Applicant(), Stored("o1", 0), daysLeft, MatchTestData.Today).Subject);
    }

    private MatchEmails CreateSut()
    {
        var pipeline = Options.Create(new PipelineOptions { PublicBaseUrl = BaseUrl });
        var site = Options.Create(new CareersPipeline.Core.Features.Site.SiteOptions { SiteBaseUrl = "https://site.example.org", ApiBaseUrl = BaseUrl });
        return new MatchEmails(new MatchLinks(SignUpTestData.Links(_tokens), pipeline, Options.Create(new MatchingOptions())), SignUpTestData.Links(_tokens), pipeline, site, new RazorEmailTemplates());
    }

    private EmailBatch Batch(BatchRecipient recipient) => new(EmailKind.MatchAlert, CreateSut().HtmlTemplate, MatchEmails.TextTemplate, [recipient]);

    private static string TokenIn(string text, string marker)
    {
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var end = text.IndexOfAny(['\n', '#', ' '], start);
        return Uri.UnescapeDataString(text[start..(end < 0 ? text.Length : end)]);
    }
}
