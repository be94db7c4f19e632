using System.Net;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Caseloads.CaseloadKit;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>The caseload pages as a browser with JavaScript off uses them: every form posted with its token and the case's version.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseloadPageTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedTeamsAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Adviser_TakesFromTriage_LogsInterventions_ChangesTheRoute_AndRecordsEmployment()
    {
        var id = await _app.PersonAsync(firstName: "Farida");
        using var adviser = await StaffBrowserSession.SignInAsync(_app, NorthA);
        var casePath = $"/staff/caseload/cases/{id}";

        var (_, triage) = await adviser.GetAsync("/staff/caseload/triage");
        Assert.Contains("Farida", triage, StringComparison.Ordinal);
        using (var take = await adviser.SubmitAsync("/staff/caseload/triage", $"/staff/caseload/triage/{id}/take", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, take.StatusCode);
            Assert.Equal(casePath, take.Headers.Location!.OriginalString);
        }

        foreach (var type in new[] { "QualificationRecognition", "EnglishLanguage", "InterviewPreparation" })
        {
            using var logged = await adviser.SubmitAsync(casePath, $"{casePath}/interventions", new() { ["type"] = type, ["minutes"] = "30", ["notes"] = "<script>alert(1)</script>" });
            Assert.Equal(HttpStatusCode.SeeOther, logged.StatusCode);
        }

        using (var noReason = await adviser.SubmitAsync(casePath, $"{casePath}/route", new() { ["route"] = "CareerChangerOrUnemployed" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("href=\"#why\"", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var route = await adviser.SubmitAsync(casePath, $"{casePath}/route", new() { ["route"] = "CareerChangerOrUnemployed", ["why"] = "UK ENIC statement came through" }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, route.StatusCode);
        }

        using (var employed = await adviser.SubmitAsync(casePath, $"{casePath}/outcomes", new() { ["type"] = "EmploymentInHealthOrCare", ["employer"] = "UHNM", ["role"] = "Pharmacy assistant", ["startDate"] = "2026-02-02" }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, employed.StatusCode);
        }

        var (page, html) = await adviser.GetAsync(casePath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Contains("Pharmacy assistant at UHNM", html, StringComparison.Ordinal);
        Assert.Contains("automatic: seldom heard supported", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);

        // Every view and change of the case through the pages is in the staff audit trail, by whom and what.
        var audit = await _app.Services.GetRequiredService<PersonAccessAudit>().ListAsync([id], CancellationToken.None);
        var actions = audit.Where(e => e.StaffSubjectId == NorthA).Select(e => e.Action).ToList();
        Assert.Contains("case-take", actions);
        Assert.Contains("case-read", actions);
        Assert.Equal(3, actions.Count(a => a == "case-intervention"));
        Assert.Contains("case-route", actions);
        Assert.Contains("case-outcome", actions);
    }

    [Fact]
    public async Task TwoAdvisersSaving_TheSecondSeesTheConflictPage_WithTheFirstsChange()
    {
        var id = await _app.PersonAsync();
        using var owner = await StaffBrowserSession.SignInAsync(_app, NorthA);
        using var lead = await StaffBrowserSession.SignInAsync(_app, NorthLead);
        var casePath = $"/staff/caseload/cases/{id}";
        using (var take = await owner.SubmitAsync("/staff/caseload/triage", $"/staff/caseload/triage/{id}/take", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, take.StatusCode);
        }

        var (_, leadsPage) = await lead.GetAsync(casePath);
        var leadsVersion = StaffBrowserSession.FormVersion(leadsPage, $"{casePath}/next-action")!;
        using (var first = await owner.SubmitAsync(casePath, $"{casePath}/interventions", new() { ["type"] = "CareersAdvice", ["minutes"] = "20" }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        }

        using var second = await lead.PostAsync($"{casePath}/next-action", new() { ["__RequestVerificationToken"] = StaffBrowserSession.TokenOf(leadsPage), ["version"] = leadsVersion, ["action"] = "Ring", ["due"] = "2030-01-01" });

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this first", html, StringComparison.Ordinal);
        Assert.Contains("Logged an intervention (careers advice", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosingWithoutAnOutcomeOrReason_ShowsTheError()
    {
        var id = await _app.PersonAsync();
        using var adviser = await StaffBrowserSession.SignInAsync(_app, NorthA);
        var casePath = $"/staff/caseload/cases/{id}";
        using (var take = await adviser.SubmitAsync("/staff/caseload/triage", $"/staff/caseload/triage/{id}/take", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, take.StatusCode);
        }

        using var close = await adviser.SubmitAsync(casePath, $"{casePath}/status", new() { ["status"] = "Closed" });

        Assert.Equal(HttpStatusCode.BadRequest, close.StatusCode);
        Assert.Contains("say why the case is closing", await close.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTeamsAdviser_GuessingTheId_GetsNotFound_OnThePageAndItsForms()
    {
        var id = await _app.PersonAsync(firstName: "Hidden");
        using var owner = await StaffBrowserSession.SignInAsync(_app, NorthA);
        using var south = await StaffBrowserSession.SignInAsync(_app, South);
        using var employer = await StaffBrowserSession.SignInAsync(_app, Employer);
        var casePath = $"/staff/caseload/cases/{id}";
        using (var take = await owner.SubmitAsync("/staff/caseload/triage", $"/staff/caseload/triage/{id}/take", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, take.StatusCode);
        }

        var (page, html) = await south.GetAsync(casePath);
        using var post = await south.SubmitAsync("/staff/caseload", $"{casePath}/status", new() { ["status"] = "OnHold" });
        var (employerPage, _) = await employer.GetAsync(casePath);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Hidden", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employerPage.StatusCode);
    }

    [Fact]
    public async Task Home_ShowsTheAdvisersCards_AndCaseloadShowsOverdueActions()
    {
        var id = await _app.PersonAsync(firstName: "Zainab");
        using var adviser = await StaffBrowserSession.SignInAsync(_app, NorthB);
        var casePath = $"/staff/caseload/cases/{id}";
        using (var take = await adviser.SubmitAsync("/staff/caseload/triage", $"/staff/caseload/triage/{id}/take", []))
        {
            Assert.Equal(HttpStatusCode.SeeOther, take.StatusCode);
        }

        var yesterday = DateOnly.FromDateTime(_app.Time.GetUtcNow().UtcDateTime).AddDays(-1).ToString("yyyy-MM-dd");
        using (var action = await adviser.SubmitAsync(casePath, $"{casePath}/next-action", new() { ["action"] = "Send ESOL course list", ["due"] = yesterday }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, action.StatusCode);
        }

        var (_, home) = await adviser.GetAsync("/staff/");
        var (_, caseload) = await adviser.GetAsync("/staff/caseload");

        Assert.Contains("Overdue actions", home, StringComparison.Ordinal);
        Assert.Contains("Waiting on triage", home, StringComparison.Ordinal);
        Assert.Contains("Zainab", caseload, StringComparison.Ordinal);
        Assert.Contains("Overdue", caseload, StringComparison.Ordinal);
    }
}
