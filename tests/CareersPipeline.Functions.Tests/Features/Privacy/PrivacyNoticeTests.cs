using System.Net;
using System.Text.Json;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>The notice names each purpose and its lawful basis, and docs/privacy.md says exactly the same.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class PrivacyNoticeTests(AzuriteFixture storage)
{
    private const string Ics = "Staffordshire and Stoke-on-Trent";
    private const string Start = "<!-- privacy-notice:start (generated from PrivacyNotice.cs; a test keeps it equal) -->";
    private const string End = "<!-- privacy-notice:end -->";

    [Fact]
    public async Task Notice_IsServedAsHtml_WithEveryPurposeAndLawfulBasis()
    {
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["PRIVACY_RETENTION_SCHEDULE"] = "0 0 0 1 1 *" });

        using var response = await app.Http.GetAsync("/api/privacy/notice");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        foreach (var purpose in PrivacyNotice.Purposes(Ics))
        {
            Assert.Contains(purpose.Name, html, StringComparison.Ordinal);
            Assert.Contains(purpose.LawfulBasis, html, StringComparison.Ordinal);
            Assert.Contains(purpose.Retention, html, StringComparison.Ordinal);
        }

        Assert.Contains("NHS Staffordshire and Stoke-on-Trent Integrated Care Board", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesThePrivacyEndpoints()
    {
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["PRIVACY_RETENTION_SCHEDULE"] = "0 0 0 1 1 *" });

        using var response = await app.Http.GetAsync("/api/openapi/v1.json");

        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/privacy/notice").GetProperty("get").GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/html", out _));
        Assert.True(paths.GetProperty("/api/manage/people/{applicantId}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/manage/people/{applicantId}/export").GetProperty("get").GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(paths.GetProperty("/api/signups/{applicantId}/equality").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/manage/equality/summary").TryGetProperty("get", out _));
    }

    [Fact]
    public void PrivacyDoc_HoldsTheSameNotice()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "privacy.md")).ReplaceLineEndings("\n");
        var expected = PrivacyNotice.Markdown(Ics);

        var start = doc.IndexOf(Start, StringComparison.Ordinal);
        var end = doc.IndexOf(End, StringComparison.Ordinal);
        var actual = start < 0 || end < start ? string.Empty : doc[(start + Start.Length)..end].Trim('\n') + "\n";
        if (actual != expected)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), "privacy-notice.expected.md"), expected);
        }

        Assert.True(actual == expected, $"docs/privacy.md's notice differs from PrivacyNotice.Markdown: the expected text is in {Path.Combine(Path.GetTempPath(), "privacy-notice.expected.md")}.");
    }

    [Fact]
    public void Readme_DataHeld_SaysWhatWhyAndHowLong()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));
        var section = readme[readme.IndexOf("## Data held", StringComparison.Ordinal)..];

        foreach (var words in new[] { "docs/privacy.md", "lawful basis", "24 months", "30 days", "6 years", "equality monitoring", "under-16" })
        {
            Assert.Contains(words, section, StringComparison.OrdinalIgnoreCase);
        }
    }
}
