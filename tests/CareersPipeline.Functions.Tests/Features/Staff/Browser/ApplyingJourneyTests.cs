using System.Text.RegularExpressions;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Tests.Features.Applications;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CareersPipeline.Functions.Tests.Features.Staff.Browser.StaffBrowserForms;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>
/// Issue 13's journey in Chromium (the employer with JavaScript off), axe-core on each of the person's pages: a person finds a vacancy
/// on the site, applies through the question pages, the employer shortlists, invites and offers, the person accepts
/// through their link, the start is recorded, and the vacancy closes as Filled and its page says so.
/// </summary>
[Collection(StaffBrowserGroup.Name)]
public sealed partial class ApplyingJourneyTests(StaffBrowserApp app)
{
    [Fact]
    public async Task FromTheSitesVacancyPage_ToAStart_AndTheVacancyFilled()
    {
        var vacancy = await app.App.LiveVacancyAsync(positions: 1);
        var (applicantId, _) = await app.App.VerifiedPersonAsync();
        var applicant = await app.App.ApplicantAsync(applicantId);
        var publish = app.App.Services.GetRequiredService<SiteIncrementalPublish>();
        await publish.OpportunityChangedAsync(vacancy, CancellationToken.None);
        var today = DateOnly.FromDateTime(app.App.Time.GetUtcNow().UtcDateTime);

        // The person finds the vacancy on the site and asks to apply.
        // JavaScript on only so axe-core can run: the pages have none, and their forms post as plain HTML (ApplyQuestionPagesTests).
        var person = await app.NewPageAsync(javaScript: true, bypassCsp: true);
        await person.GotoAsync($"/opportunities/{vacancy}/");
        await app.AssertAccessibleAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Assertions.Expect(person.Locator("h1")).ToContainTextAsync("Apply for");
        await app.AssertAccessibleAsync(person);
        await person.GetByLabel("Email address").FillAsync(applicant.Email);
        await person.GetByRole(AriaRole.Button, new() { Name = "Email me a link to apply" }).ClickAsync();
        await HeadingAsync(person, "Check your email");
        await app.AssertAccessibleAsync(person);

        // The link in the email opens the question pages.
        var email = await app.App.WaitForEmailAsync(applicantId, EmailKind.ContinueApplication);
        await person.GotoAsync(new Uri(ApplyLink().Match(email.Text).Value).PathAndQuery);
        await HeadingAsync(person, "Why do you want this role?");
        await app.AssertAccessibleAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await HeadingAsync(person, "Why do you want this role?");
        await app.AssertAccessibleAsync(person); // With the error summary.
        await person.GetByLabel("Why do you want this role?").FillAsync("I cared for my grandmother and want to do it as a job.");
        await ContinueAsync(person, "Your relevant experience");
        await app.AssertAccessibleAsync(person);
        await person.GetByLabel("Caring for someone").FillAsync("Three years caring at home.");
        await ContinueAsync(person, "When could you start?");
        await app.AssertAccessibleAsync(person);
        await person.GetByLabel("When could you start?").FillAsync("From May");
        await ContinueAsync(person, "Do you need any adjustments for an interview?");
        await app.AssertAccessibleAsync(person);
        await ContinueAsync(person, "Check your answers before sending your application");
        await app.AssertAccessibleAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Change when you could start" }).ClickAsync();
        await HeadingAsync(person, "When could you start?");
        await person.GetByLabel("When could you start?").FillAsync("Straight away");
        await ContinueAsync(person, "Check your answers before sending your application");
        Assert.Contains("Straight away", await person.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await person.GetByRole(AriaRole.Button, new() { Name = "Send application" }).ClickAsync();
        await HeadingAsync(person, "Your applications");
        var statusUrl = person.Url;
        var applicationId = (await Eventually.GetAsync(() => app.App.Services.GetRequiredService<ApplicationStore>().FindForPersonAsync(vacancy, applicant.PersonKey, CancellationToken.None), "the application")).Value.Id;
        await ReloadUntilAsync(person, "Withdraw this application");
        await app.AssertAccessibleAsync(person);

        // The employer shortlists and invites.
        var employer = await app.SignedInPageAsync(Employer, javaScript: false);
        await employer.GotoAsync($"/staff/opportunities/{vacancy}/applicants");
        await employer.GetByRole(AriaRole.Link, new() { Name = $"{applicant.FirstName} {applicant.LastName}" }).ClickAsync();
        await employer.GetByRole(AriaRole.Button, new() { Name = "Shortlist" }).ClickAsync();
        await employer.GetByRole(AriaRole.Link, new() { Name = "Invite to interview" }).ClickAsync();
        var interview = today.AddDays(10);
        await employer.Locator("#date-day").FillAsync($"{interview.Day}");
        await employer.Locator("#date-month").FillAsync($"{interview.Month}");
        await employer.Locator("#date-year").FillAsync($"{interview.Year}");
        await employer.GetByLabel("Time").FillAsync("10:30");
        await employer.GetByLabel("Place (for an interview in person)").FillAsync("Royal Stoke University Hospital, main entrance");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await employer.WaitForURLAsync(app.Url($"/staff/applications/{applicationId}"));

        // The person accepts the time through their link.
        await ReloadUntilAsync(person, "Accept this interview time");
        await app.AssertAccessibleAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Accept this interview time" }).ClickAsync();
        await HeadingAsync(person, "Your applications");

        // The employer offers; the person accepts; the employer records the start.
        await employer.GetByRole(AriaRole.Link, new() { Name = "Make an offer" }).ClickAsync();
        await employer.GetByLabel("No", new() { Exact = true }).CheckAsync();
        await employer.GetByRole(AriaRole.Button, new() { Name = "Send the offer" }).ClickAsync();
        await employer.WaitForURLAsync(app.Url($"/staff/applications/{applicationId}"));
        await person.GotoAsync(statusUrl);
        await ReloadUntilAsync(person, "Accept the offer");
        await app.AssertAccessibleAsync(person);
        await person.GetByRole(AriaRole.Button, new() { Name = "Accept the offer" }).ClickAsync();
        await HeadingAsync(person, "Your applications");
        await employer.ReloadAsync();
        await employer.GetByRole(AriaRole.Link, new() { Name = "Record the start date" }).ClickAsync();
        await employer.Locator("#startDate-day").FillAsync($"{today.Day}");
        await employer.Locator("#startDate-month").FillAsync($"{today.Month}");
        await employer.Locator("#startDate-year").FillAsync($"{today.Year}");
        await employer.GetByRole(AriaRole.Button, new() { Name = "Record the start" }).ClickAsync();
        await employer.WaitForURLAsync(app.Url($"/staff/applications/{applicationId}"));

        // The vacancy closes as Filled; the site's page (re-rendered as the site-changes consumer would) says so.
        var store = app.App.Services.GetRequiredService<OpportunityStore>();
        await Eventually.TrueAsync(async () => (await store.FindAsync(vacancy, CancellationToken.None))!.Value is { Status: OpportunityStatus.Closed, ClosureReason: ClosureReason.Filled }, "the vacancy to close as filled");
        await publish.OpportunityChangedAsync(vacancy, CancellationToken.None);
        var visitor = await app.NewPageAsync(javaScript: true, bypassCsp: true); // Its own cache: the page is cached for a while.
        await visitor.GotoAsync($"/opportunities/{vacancy}/");
        await Assertions.Expect(visitor.Locator("main")).ToContainTextAsync("All its positions have been filled");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Button, new() { Name = "Apply", Exact = true })).ToHaveCountAsync(0);
        await app.AssertAccessibleAsync(visitor);
        await person.GotoAsync(statusUrl);
        await ReloadUntilAsync(person, "You have started");
        await app.AssertAccessibleAsync(person);
    }

    /// <summary>The person's list is filed by the queue that follows each change, a moment after it: reload until it shows.</summary>
    private static async Task ReloadUntilAsync(IPage page, string text)
    {
        for (var i = 0; i < 60 && !(await page.Locator("main").InnerTextAsync()).Contains(text, StringComparison.Ordinal); i++)
        {
            await Task.Delay(500);
            await page.ReloadAsync();
        }

        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(text);
    }

    [GeneratedRegex(@"https?://\S+/api/applications/apply/\S+")]
    private static partial Regex ApplyLink();
}
