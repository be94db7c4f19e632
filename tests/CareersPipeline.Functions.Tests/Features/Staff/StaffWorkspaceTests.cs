using System.Net;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Staff;

/// <summary>
/// The staff workspace through its pages, as a browser with JavaScript off uses them: forms posted with their tokens,
/// every 303 seen. An employer creates, publishes and closes a vacancy; a second person's stale save is shown the first.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class StaffWorkspaceTests(AzuriteFixture storage) : IAsyncLifetime
{
    private const string Employer = "employer-uhnm";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_OnAStaffPage_IsSentToTheDevSignInAndBack()
    {
        using var anonymous = new StaffBrowserSession(_app);

        var (response, _) = await anonymous.GetAsync("/staff/opportunities?shelf=live");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dev/sign-in?returnUrl=%2Fstaff%2Fopportunities%3Fshelf%3Dlive", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_ReturnsOnlyToLocalPaths()
    {
        using var session = new StaffBrowserSession(_app);

        using var response = await session.SubmitAsync("/dev/sign-in", "/dev/sign-in", new() { ["subjectId"] = Employer, ["returnUrl"] = "//evil.example/staff" });

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/staff/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Home_ShowsWhatNeedsAttention_AndPagesAreNotCached()
    {
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);

        var (response, html) = await employer.GetAsync("/staff/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Staff workspace", html, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", html, StringComparison.Ordinal);
        Assert.Contains("Closing soon", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Employer_CreatesPublishesAndClosesAVacancy_ThroughThePages()
    {
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);
        var id = await CreateThroughPagesAsync(employer);

        using (var publish = await employer.SubmitAsync($"/staff/opportunities/{id}", $"/staff/opportunities/{id}/publish", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, publish.StatusCode);
        }

        // Closing without a reason: the error summary links to the field.
        using (var noReason = await employer.SubmitAsync($"/staff/opportunities/{id}/close", $"/staff/opportunities/{id}/close", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("href=\"#reason-1\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var close = await employer.SubmitAsync($"/staff/opportunities/{id}/close", $"/staff/opportunities/{id}/close", new() { ["reason"] = "Filled" }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, close.StatusCode);
        }

        var stored = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value;
        Assert.Equal(OpportunityStatus.Closed, stored.Status);
        Assert.Equal(ClosureReason.Filled, stored.ClosureReason);
        Assert.Equal(Employer, stored.History[^1].By);
    }

    [Fact]
    public async Task QuestionPage_WithMistakes_ShowsAnErrorSummaryLinkedToTheFields()
    {
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);
        using var started = await employer.SubmitAsync("/staff/opportunities", "/staff/opportunities/new", []);
        var what = started.Headers.Location!.OriginalString;

        using var response = await employer.SubmitAsync(what, what, new() { ["kind"] = "EntryLevelVacancy", ["title"] = "", ["positions"] = "lots" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#title\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#positions\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormPostedWithoutItsToken_IsRefusedAndChangesNothing()
    {
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);
        var id = await CreateThroughPagesAsync(employer);

        using var response = await employer.SubmitAsync($"/staff/opportunities/{id}", $"/staff/opportunities/{id}/publish", [], withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This form has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(OpportunityStatus.Draft, (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value.Status);
    }

    [Fact]
    public async Task AnotherPersonsToken_DoesNotPass()
    {
        // A token is bound to the person it was made for: one lifted from someone else's page is refused.
        using var owner = await StaffBrowserSession.SignInAsync(_app, Employer);
        using var other = await StaffBrowserSession.SignInAsync(_app, "admin-ics");
        var id = await CreateThroughPagesAsync(owner);
        var (_, adminPage) = await other.GetAsync("/staff/");

        using var response = await owner.PostAsync($"/staff/opportunities/{id}/publish", new() { ["__RequestVerificationToken"] = StaffBrowserSession.TokenOf(adminPage) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task TwoPeopleEditing_TheSecondSeesTheFirstsChange()
    {
        using var first = await StaffBrowserSession.SignInAsync(_app, Employer);
        using var second = await StaffBrowserSession.SignInAsync(_app, "admin-ics");
        var id = await CreateThroughPagesAsync(first);

        // Both open the edit; the admin saves a new title first.
        using var firstEdit = await first.SubmitAsync($"/staff/opportunities/{id}", $"/staff/opportunities/{id}/edit", []);
        using var secondEdit = await second.SubmitAsync($"/staff/opportunities/{id}", $"/staff/opportunities/{id}/edit", []);
        var secondWhat = secondEdit.Headers.Location!.OriginalString;
        var (_, secondForm) = await second.GetAsync(secondWhat);
        using (await second.SubmitAsync(secondWhat, secondWhat, WhatAnswers(title: "Ward support worker", isNew: false)))
        {
        }

        var secondCheck = secondWhat.Replace("/what", "/check", StringComparison.Ordinal);
        using (var saved = await second.SubmitAsync(secondCheck, secondCheck, []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        }

        // The employer's save is from the version before: refused, with both answers shown.
        var firstWhat = firstEdit.Headers.Location!.OriginalString;
        using (await first.SubmitAsync(firstWhat, firstWhat, WhatAnswers(title: "Healthcare assistant", isNew: false)))
        {
        }

        var firstCheck = firstWhat.Replace("/what", "/check", StringComparison.Ordinal);
        using var stale = await first.SubmitAsync(firstCheck, firstCheck, []);

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this first", html, StringComparison.Ordinal);
        Assert.Contains("Ward support worker", html, StringComparison.Ordinal);
        Assert.Contains("Healthcare assistant", html, StringComparison.Ordinal);
        Assert.Equal("Ward support worker", (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value.Title);
    }

    [Fact]
    public async Task Api_Update_NeedsIfMatch_AndRefusesAStaleOne()
    {
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);
        var id = await CreateThroughPagesAsync(employer);
        var path = $"/api/employer/opportunities/{id}";
        var etag = await _app.ETagAsync(Employer, path);
        var body = Opportunities.OpportunityBodies.Json(Opportunities.OpportunityBodies.Vacancy());

        using var missing = await _app.SendAsStaffAsync(Employer, HttpMethod.Put, path, body);
        using var fresh = await _app.SendAsStaffAsync(Employer, HttpMethod.Put, path, Opportunities.OpportunityBodies.Json(Opportunities.OpportunityBodies.Vacancy()), etag);
        using var stale = await _app.SendAsStaffAsync(Employer, HttpMethod.Put, path, Opportunities.OpportunityBodies.Json(Opportunities.OpportunityBodies.Vacancy()), etag);
        using var stalePublish = await _app.SendAsStaffAsync(Employer, HttpMethod.Post, $"{path}/publish", null, etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotEqual(etag, fresh.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stalePublish.StatusCode);
    }

    [Fact]
    public async Task CsvUpload_WithTwoBadRows_SaysWhyRowByRow()
    {
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);
        var (_, page) = await employer.GetAsync("/staff/opportunities/upload");
        using var template = await _app.SendAsStaffAsync(Employer, HttpMethod.Get, "/api/employer/opportunities/upload/template");
        var lines = (await template.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var csv = string.Join("\r\n", lines[0], lines[1], lines[1].Replace("ST4 6QG", "NOT A POSTCODE", StringComparison.Ordinal), lines[1].Replace(",37.5,", ",lots,", StringComparison.Ordinal)) + "\r\n";
        using var content = new MultipartFormDataContent
        {
            { new StringContent(StaffBrowserSession.TokenOf(page)), "__RequestVerificationToken" },
            { new StringContent("UHNM"), "employerCode" },
            { new StringContent(csv), "file", "vacancies.csv" },
        };

        using var response = await employer.PostMultipartAsync("/staff/opportunities/upload", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("1 of 3 rows became drafts", html, StringComparison.Ordinal);
        Assert.Contains("postcodes[0]: Enter a real UK postcode", html, StringComparison.Ordinal);
        Assert.Contains("hoursPerWeek: &#x27;lots&#x27; is not a number.", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/staff/", HttpStatusCode.Redirect)]
    [InlineData("adviser-amina", "/staff/", HttpStatusCode.OK)]
    [InlineData("adviser-amina", "/staff/opportunities", HttpStatusCode.Forbidden)]
    [InlineData("adviser-amina", "/staff/opportunities/{id}", HttpStatusCode.Forbidden)]
    [InlineData("employer-mpft", "/staff/opportunities/{id}", HttpStatusCode.NotFound)]
    [InlineData("employer-mpft", "/staff/opportunities/{id}/close", HttpStatusCode.NotFound)]
    [InlineData("employer-mpft", "/staff/opportunities/o000000000000000000000000", HttpStatusCode.NotFound)]
    [InlineData("employer-mpft", "/staff/opportunities/forms/{form}/what", HttpStatusCode.NotFound)]
    [InlineData(Employer, "/staff/opportunities/{id}", HttpStatusCode.OK)]
    [InlineData("admin-ics", "/staff/opportunities/{id}", HttpStatusCode.OK)]
    public async Task EveryPage_ForEveryone_ShowsOnlyWhatTheyMaySee(string? actor, string path, HttpStatusCode expected)
    {
        using var owner = await StaffBrowserSession.SignInAsync(_app, Employer);
        var id = await CreateThroughPagesAsync(owner);
        using var started = await owner.SubmitAsync("/staff/opportunities", "/staff/opportunities/new", []);
        var form = started.Headers.Location!.OriginalString.Split('/')[^2];
        using var session = actor is null ? new StaffBrowserSession(_app) : await StaffBrowserSession.SignInAsync(_app, actor);

        var (response, html) = await session.GetAsync(path.Replace("{id}", id, StringComparison.Ordinal).Replace("{form}", form, StringComparison.Ordinal));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.DoesNotContain("Night shift support worker", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("employer-mpft", "publish")]
    [InlineData("employer-mpft", "archive")]
    [InlineData("employer-mpft", "copy")]
    [InlineData("adviser-amina", "publish")]
    public async Task EveryAction_ByStaffOfAnotherOrganisation_ChangesNothing(string actor, string action)
    {
        using var owner = await StaffBrowserSession.SignInAsync(_app, Employer);
        var id = await CreateThroughPagesAsync(owner);
        using var stranger = await StaffBrowserSession.SignInAsync(_app, actor);

        using var response = await stranger.SubmitAsync("/staff/", $"/staff/opportunities/{id}/{action}", []);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        var stored = (await _app.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value;
        Assert.Equal(OpportunityStatus.Draft, stored.Status);
        Assert.Single(await _app.Services.GetRequiredService<OpportunityStore>().QueryAsync(null, CancellationToken.None), o => o.Value.Title == "Night shift support worker" && o.Value.EmployerCode == "UHNM" && o.Value.Id == id);
    }

    private static Dictionary<string, string> WhatAnswers(string title, bool isNew)
    {
        var answers = new Dictionary<string, string> { ["title"] = title, ["summary"] = "Care for patients overnight on a busy ward.", ["careerFamily"] = "Nursing", ["positions"] = "2" };
        if (isNew)
        {
            answers["kind"] = "EntryLevelVacancy";
            answers["employerCode"] = "UHNM";
        }

        return answers;
    }

    /// <summary>Every question page of a new entry-level vacancy, then check answers: the new draft's id.</summary>
    private async Task<string> CreateThroughPagesAsync(StaffBrowserSession employer)
    {
        using var started = await employer.SubmitAsync("/staff/opportunities", "/staff/opportunities/new", []);
        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var form = started.Headers.Location!.OriginalString[..started.Headers.Location.OriginalString.LastIndexOf('/')];
        var closing = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime).AddDays(40);
        var pages = new (string Section, Dictionary<string, string> Answers)[]
        {
            ("what", WhatAnswers("Night shift support worker", isNew: true)),
            ("where", new() { ["postcodes"] = "ST4 6QG" }),
            ("pay", new() { ["wage.type"] = "NationalMinimum", ["hoursPerWeek"] = "30" }),
            ("dates", new() { ["closingDate-day"] = $"{closing.Day}", ["closingDate-month"] = $"{closing.Month}", ["closingDate-year"] = $"{closing.Year}" }),
            ("details", new() { ["vacancy.contractType"] = "Permanent" }),
        };
        foreach (var (section, answers) in pages)
        {
            using var answered = await employer.SubmitAsync($"{form}/{section}", $"{form}/{section}", answers);
            Assert.True(answered.StatusCode == HttpStatusCode.SeeOther, $"{section}: {answered.StatusCode} {await answered.Content.ReadAsStringAsync()}");
        }

        using var saved = await employer.SubmitAsync($"{form}/check", $"{form}/check", []);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        return saved.Headers.Location!.OriginalString.Split('/')[^1];
    }
}
