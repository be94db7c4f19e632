using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Applications;

/// <summary>
/// The application as question pages, as a browser without JavaScript uses them: each page posts the draft in hidden
/// fields (never the URL), checks only its own answers, and nothing is stored until Send on the check page.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed partial class ApplyQuestionPagesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ThePerson_AnswersEachPage_ChangesAnAnswer_AndSends()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var path = $"/api/applications/apply/{vacancy}{ApplicationKit.Query(token)}";
        using var http = Browser();

        var why = await ReadAsync(await http.GetAsync(path), HttpStatusCode.OK);
        var whyMissing = await ReadAsync(await PostAsync(http, path, why, []), HttpStatusCode.BadRequest);
        var experience = await ReadAsync(await PostAsync(http, path, why, new() { ["whyThisRole"] = "<script>alert(1)</script> I want to care." }), HttpStatusCode.OK);
        var start = await ReadAsync(await PostAsync(http, path, experience, new() { ["caringExperience"] = "Three years\nat home." }), HttpStatusCode.OK);
        var adjustments = await ReadAsync(await PostAsync(http, path, start, new() { ["whenCanStart"] = "From May" }), HttpStatusCode.OK);
        var check = await ReadAsync(await PostAsync(http, path, adjustments, new() { ["interviewAdjustments"] = "A morning, please." }), HttpStatusCode.OK);
        var change = await ReadAsync(await PostAsync(http, path, check, new() { ["goto"] = "Start" }), HttpStatusCode.OK);
        var checkAgain = await ReadAsync(await PostAsync(http, path, change, new() { ["whenCanStart"] = "Straight away" }), HttpStatusCode.OK);

        Assert.Contains("<h1 class=\"nhsuk-label-wrapper\"><label class=\"nhsuk-label nhsuk-label--l\" for=\"whyThisRole\">Why do you want this role?</label></h1>", why, StringComparison.Ordinal);
        Assert.Contains("Say why you want this role.", whyMissing, StringComparison.Ordinal);
        Assert.Contains("<h1>Your relevant experience</h1>", experience, StringComparison.Ordinal);
        Assert.Equal("<script>alert(1)</script> I want to care.", Hidden(experience)["whyThisRole"]);
        Assert.DoesNotContain("<script>alert", experience, StringComparison.Ordinal);
        Assert.Contains("When could you start?", start, StringComparison.Ordinal);
        Assert.Contains("adjustments for an interview", adjustments, StringComparison.Ordinal);
        Assert.Contains("Check your answers before sending your application", check, StringComparison.Ordinal);
        Assert.Contains("From May", check, StringComparison.Ordinal);
        Assert.Matches(@">Change<span class=""nhsuk-u-visually-hidden""> when you could start</span></button>", check);
        Assert.DoesNotContain("<script>alert", check, StringComparison.Ordinal);
        Assert.Equal("true", Hidden(change)["returnToCheck"]);
        Assert.Contains("Check your answers", checkAgain, StringComparison.Ordinal);
        Assert.Contains("Straight away", checkAgain, StringComparison.Ordinal);
        Assert.DoesNotContain("From May", checkAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingIsStored_UntilSend_ThenTheStatusPageShowsIt()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var path = $"/api/applications/apply/{vacancy}{ApplicationKit.Query(token)}";
        using var http = Browser();
        var answers = new Dictionary<string, string> { ["whyThisRole"] = "I like people.", ["whenCanStart"] = "Soon" };

        using var toCheck = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(answers) { ["step"] = "Adjustments" }));
        using var list = await _app.Http.GetAsync($"/api/applications{ApplicationKit.Query(token)}");
        var before = await list.Content.ReadAsStringAsync();
        using var sent = await http.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(answers) { ["step"] = "Check" }));

        Assert.Equal(HttpStatusCode.OK, toCheck.StatusCode);
        Assert.Equal("[]", before);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.DoesNotContain("Soon", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Eventually.GetAsync(async () =>
        {
            using var status = await http.GetAsync($"/api/applications{ApplicationKit.Query(token)}");
            var html = await status.Content.ReadAsStringAsync();
            return html.Contains("Withdraw this application", StringComparison.Ordinal) ? html : null;
        }, "the application on the status page");
    }

    [Fact]
    public async Task ASendWithAMissingAnswer_ShowsTheFirstPageWithAProblem()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        using var http = Browser();

        using var sent = await http.PostAsync($"/api/applications/apply/{vacancy}{ApplicationKit.Query(token)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["step"] = "Check",
            ["whyThisRole"] = "I like people.",
        }));
        var html = await sent.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, sent.StatusCode);
        Assert.Contains("for=\"whenCanStart\">When could you start?</label></h1>", html, StringComparison.Ordinal);
        Assert.Equal("I like people.", Hidden(html)["whyThisRole"]);
    }

    [Fact]
    public async Task AClosedVacancy_BetweenPages_GetsAClearMessage()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        using var http = Browser();
        using var closed = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Post, $"/api/employer/opportunities/{vacancy}/close", Opportunities.OpportunityBodies.Json(new { reason = "Manual" }));

        using var next = await http.PostAsync($"/api/applications/apply/{vacancy}{ApplicationKit.Query(token)}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["step"] = "Why",
            ["whyThisRole"] = "I like people.",
        }));

        Assert.True(closed.IsSuccessStatusCode, await closed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, next.StatusCode);
        Assert.Contains("closed", await next.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient Browser()
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.BaseUrl) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return http;
    }

    private static async Task<string> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {html}");
            return html;
        }
    }

    /// <summary>What a browser posts: the page's hidden fields (the draft, and which page it is) and what the person typed.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, string page, Dictionary<string, string> typed)
    {
        var fields = Hidden(page);
        foreach (var (name, value) in typed)
        {
            fields[name] = value;
        }

        return http.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Hidden(string html) =>
        HiddenInput().Matches(html).GroupBy(m => m.Groups[1].Value).ToDictionary(g => g.Key, g => WebUtility.HtmlDecode(g.First().Groups[2].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"([a-zA-Z]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
