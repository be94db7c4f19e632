using System.Net;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Applications;

/// <summary>
/// The employer's applicant pages as a browser with JavaScript off uses them (forms posted with their tokens and
/// versions, every 303 seen): from an application to a start, the vacancy filling, a stale move, and who sees what.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class ApplicationStaffPagesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Employer_ShortlistsInvitesOffersAndRecordsAStart_ThroughThePages_AndTheVacancyFills()
    {
        var vacancy = await _app.LiveVacancyAsync(positions: 1);
        var (applicantId, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        using var employer = await StaffBrowserSession.SignInAsync(_app, ApplicationKit.Owner);
        var page = $"/staff/applications/{id}";

        var (_, opportunity) = await employer.GetAsync($"/staff/opportunities/{vacancy}");
        Assert.Contains($"href=\"/staff/opportunities/{vacancy}/applicants\"", opportunity, StringComparison.Ordinal);
        var (listResponse, list) = await employer.GetAsync($"/staff/opportunities/{vacancy}/applicants");
        Assert.Equal(HttpStatusCode.OK, listResponse.StatusCode);
        Assert.Contains("Olena Kovalenko", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"{page}\"", list, StringComparison.Ordinal);

        var (opened, html) = await employer.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("I cared for my grandmother &lt;b&gt;for years&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("447700900123", html, StringComparison.Ordinal);
        foreach (var hidden in new[] { applicantId, "1995", "ST4 6QG", "st4 6qg", "Unemployed", "Midwifery" })
        {
            Assert.DoesNotContain(hidden, html, StringComparison.Ordinal);
        }

        var audit = await _app.Services.GetRequiredService<PersonAccessAudit>().ListAsync([applicantId], CancellationToken.None);
        Assert.Contains(audit, e => e.Action == EmployerApplications.ReadAction);

        await SeeOtherAsync(employer.SubmitAsync(page, $"{page}/move", new() { ["to"] = "Shortlisted" }));

        // An invitation without a date, time or place: the same page, 400, each problem linked to its field.
        using (var incomplete = await employer.SubmitAsync($"{page}/invite", $"{page}/invite", new() { ["whatToBring"] = "Photo ID" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
            var body = await incomplete.Content.ReadAsStringAsync();
            Assert.Contains("href=\"#date-day\"", body, StringComparison.Ordinal);
            Assert.Contains("href=\"#time\"", body, StringComparison.Ordinal);
            Assert.Contains("href=\"#place\"", body, StringComparison.Ordinal);
            Assert.Contains("Photo ID", body, StringComparison.Ordinal);
        }

        await SeeOtherAsync(employer.SubmitAsync($"{page}/invite", $"{page}/invite", new()
        {
            ["date-day"] = "14",
            ["date-month"] = "3",
            ["date-year"] = "2030",
            ["time"] = "10:30",
            ["place"] = "Royal Stoke, main reception",
            ["whatToBring"] = "Photo ID",
        }));
        await PersonAsync($"/api/applications/{id}/interview/accept", token);

        using (var undecided = await employer.SubmitAsync($"{page}/offer", $"{page}/offer", []))
        {
            Assert.Equal(HttpStatusCode.BadRequest, undecided.StatusCode);
            Assert.Contains("href=\"#conditional-1\"", await undecided.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await SeeOtherAsync(employer.SubmitAsync($"{page}/offer", $"{page}/offer", new() { ["conditional"] = "true", ["conditions"] = "References and a DBS check" }));
        await PersonAsync($"/api/applications/{id}/offer/accept", token);
        await SeeOtherAsync(employer.SubmitAsync($"{page}/start", $"{page}/start", new() { ["startDate-day"] = "1", ["startDate-month"] = "4", ["startDate-year"] = "2030" }));

        var stored = (await _app.Services.GetRequiredService<ApplicationStore>().FindAsync(id, CancellationToken.None))!.Value;
        Assert.Equal(ApplicationStatus.Started, stored.Status);
        Assert.Equal(new DateOnly(2030, 4, 1), stored.StartDate);
        Assert.Equal(new DateOnly(2030, 3, 14), stored.Interview!.Date);
        var opportunities = _app.Services.GetRequiredService<OpportunityStore>();
        await Eventually.TrueAsync(async () => (await opportunities.FindAsync(vacancy, CancellationToken.None))!.Value is { Status: OpportunityStatus.Closed, ClosureReason: ClosureReason.Filled }, "the vacancy to close as filled");
        var (_, started) = await employer.GetAsync(page);
        Assert.Contains("Started on 1 April 2030", started, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unsuccessful_NeedsFeedback_WhichIsKeptOnTheApplication()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        using var employer = await StaffBrowserSession.SignInAsync(_app, ApplicationKit.Owner);
        var form = $"/staff/applications/{id}/unsuccessful";

        using (var empty = await employer.SubmitAsync(form, form, new() { ["feedback"] = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("href=\"#feedback\"", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await SeeOtherAsync(employer.SubmitAsync(form, form, new() { ["feedback"] = "Apply again when you have some care experience <3" }));

        var (_, html) = await employer.GetAsync($"/staff/applications/{id}");
        Assert.Contains("some care experience &lt;3", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"/staff/applications/{id}/move\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRecruiters_TheSecondMoveFromAnOldPage_GetsTheConflictPage()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        using var first = await StaffBrowserSession.SignInAsync(_app, ApplicationKit.Owner);
        using var second = await StaffBrowserSession.SignInAsync(_app, "admin-ics");
        var page = $"/staff/applications/{id}";
        var (_, seenBySecond) = await second.GetAsync(page);

        await SeeOtherAsync(first.SubmitAsync(page, $"{page}/move", new() { ["to"] = "Shortlisted" }));
        using var stale = await second.PostAsync($"{page}/move", new()
        {
            ["__RequestVerificationToken"] = StaffBrowserSession.TokenOf(seenBySecond),
            ["version"] = StaffBrowserSession.FormVersion(seenBySecond, $"{page}/move")!,
            ["to"] = "InReview",
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this first", html, StringComparison.Ordinal);
        Assert.Contains("Shortlisted", html, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Shortlisted, (await _app.Services.GetRequiredService<ApplicationStore>().FindAsync(id, CancellationToken.None))!.Value.Status);
    }

    [Fact]
    public async Task Home_ShowsApplicationsToReview()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        await _app.AppliedIdAsync(vacancy, token);
        using var employer = await StaffBrowserSession.SignInAsync(_app, ApplicationKit.Owner);

        var (_, html) = await employer.GetAsync("/staff/");

        // The storage is shared by the tests of the collection, so other vacancies of this employer may have some waiting too.
        Assert.Matches("Applications to review: [1-9]", html);
    }

    [Theory]
    [InlineData(ApplicationKit.OtherEmployer, "/staff/opportunities/{vacancy}/applicants", HttpStatusCode.NotFound)]
    [InlineData(ApplicationKit.OtherEmployer, "/staff/applications/{id}", HttpStatusCode.NotFound)]
    [InlineData(ApplicationKit.OtherEmployer, "/staff/applications/{id}/invite", HttpStatusCode.NotFound)]
    [InlineData(ApplicationKit.OtherEmployer, "/staff/applications/{vacancy}-a0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData(ApplicationKit.Owner, "/staff/applications/{vacancy}-a0123456789abcdef", HttpStatusCode.NotFound)]
    [InlineData("adviser-amina", "/staff/opportunities/{vacancy}/applicants", HttpStatusCode.Forbidden)]
    [InlineData("adviser-amina", "/staff/applications/{id}", HttpStatusCode.Forbidden)]
    [InlineData(ApplicationKit.Owner, "/staff/applications/{id}", HttpStatusCode.OK)]
    [InlineData("admin-ics", "/staff/applications/{id}", HttpStatusCode.OK)]
    public async Task EveryPage_ForEveryone_ShowsOnlyWhatTheyMaySee(string actor, string path, HttpStatusCode expected)
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        using var session = await StaffBrowserSession.SignInAsync(_app, actor);

        var (response, html) = await session.GetAsync(path.Replace("{vacancy}", vacancy, StringComparison.Ordinal).Replace("{id}", id, StringComparison.Ordinal));

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.DoesNotContain("Kovalenko", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(ApplicationKit.OtherEmployer, "move")]
    [InlineData(ApplicationKit.OtherEmployer, "unsuccessful")]
    [InlineData("adviser-amina", "move")]
    public async Task EveryMove_ByStaffOfAnotherOrganisation_ChangesNothing(string actor, string action)
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        using var stranger = await StaffBrowserSession.SignInAsync(_app, actor);

        using var response = await stranger.SubmitAsync("/staff/", $"/staff/applications/{id}/{action}", new() { ["to"] = "Shortlisted", ["feedback"] = "No." });

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.Forbidden });
        Assert.Equal(ApplicationStatus.Submitted, (await _app.Services.GetRequiredService<ApplicationStore>().FindAsync(id, CancellationToken.None))!.Value.Status);
    }

    private static async Task SeeOtherAsync(Task<HttpResponseMessage> posting)
    {
        using var response = await posting;
        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task PersonAsync(string path, string token)
    {
        using var response = await _app.Http.PostAsync(path + ApplicationKit.Query(token), null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
