using CareersPipeline.Core.Features.Opportunities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CareersPipeline.Functions.Tests.Features.Staff.Browser.StaffBrowserForms;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>An employer's work in the workspace in Chromium with JavaScript off: every form is a plain HTML form posted and answered with a page.</summary>
[Collection(StaffBrowserGroup.Name)]
public sealed class StaffJourneyTests(StaffBrowserApp app)
{
    [Fact]
    public async Task Employer_WithoutJavaScript_SignsInCreatesPublishesAndClosesAVacancy()
    {
        var page = await app.NewPageAsync(javaScript: false);
        await page.GotoAsync("/staff/opportunities");
        await page.WaitForURLAsync(url => url.Contains("/dev/sign-in", StringComparison.Ordinal));
        await page.GetByLabel(Employer).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await HeadingAsync(page, "Opportunities");

        await CreateVacancyAsync(page, "Night shift support worker", DateOnly.FromDateTime(app.App.Time.GetUtcNow().UtcDateTime));
        var id = OpportunityIdOf(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("Live");
        await page.GetByRole(AriaRole.Link, new() { Name = "Close" }).ClickAsync();
        await HeadingAsync(page, "Close this opportunity");
        await page.GetByLabel("The positions are filled").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the opportunity" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("Closed");
        var stored = (await app.App.Services.GetRequiredService<OpportunityStore>().FindAsync(id, CancellationToken.None))!.Value;
        Assert.Equal(OpportunityStatus.Closed, stored.Status);
        Assert.Equal(ClosureReason.Filled, stored.ClosureReason);
        Assert.Equal("employer-uhnm", stored.History[^1].By);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(app.Url("/dev/sign-in"));
    }

    [Fact]
    public async Task Employer_WithoutJavaScript_UploadsACsvWithTwoBadRows_AndSeesWhy()
    {
        var page = await app.SignedInPageAsync(Employer, javaScript: false);
        var csv = await new StaffAccessibilityTests(app).CsvWithTwoBadRowsAsync();

        await StaffAccessibilityTests.UploadCsvAsync(page, csv);

        await HeadingAsync(page, "Your upload");
        Assert.Contains("1 of 3 rows became drafts", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        var refused = page.Locator("tbody tr", new() { HasText = "Refused" });
        await Assertions.Expect(refused).ToHaveCountAsync(2);
        Assert.Contains("postcodes[0]: Enter a real UK postcode", await refused.Nth(0).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("hoursPerWeek: 'lots' is not a number.", await refused.Nth(1).InnerTextAsync(), StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Link, new() { Name = "See the draft from line 2" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("Draft");
    }
}
