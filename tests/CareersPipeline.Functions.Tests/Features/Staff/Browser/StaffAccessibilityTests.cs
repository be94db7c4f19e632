using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Functions.Tests.Features.Applications;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CareersPipeline.Functions.Tests.Features.Staff.Browser.StaffBrowserForms;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>
/// axe-core in Chromium on every staff template, in the states people meet them (errors, a conflict, an upload report):
/// no WCAG 2.2 A or AA violation. And the workspace's header at a phone's width.
/// </summary>
[Collection(StaffBrowserGroup.Name)]
public sealed class StaffAccessibilityTests(StaffBrowserApp app)
{
    [Theory]
    [InlineData(null, "/dev/sign-in")]
    [InlineData(Employer, "/staff/")]
    [InlineData(Admin, "/staff/")]
    [InlineData(Adviser, "/staff/")]
    [InlineData(Employer, "/staff/opportunities")]
    [InlineData(Employer, "/staff/opportunities?shelf=live")]
    [InlineData(Employer, "{live}")]
    [InlineData(Employer, "{live}/close")]
    [InlineData(Employer, "/staff/opportunities/upload")]
    [InlineData(Employer, "/staff/opportunities/o000000000000000000000000")]
    [InlineData(Adviser, "/staff/opportunities")]
    public async Task Page_HasNoWcagViolations(string? who, string path)
    {
        var page = who is null ? await app.NewPageAsync(bypassCsp: true) : await app.SignedInPageAsync(who, bypassCsp: true);
        if (path.StartsWith("{live}", StringComparison.Ordinal))
        {
            path = path.Replace("{live}", $"/staff/opportunities/{await LiveOpportunityAsync()}", StringComparison.Ordinal);
        }

        await page.GotoAsync(path);

        await app.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task EmployersApplicationPages_AndTheirFormsWithErrors_HaveNoWcagViolations()
    {
        var vacancy = await app.App.LiveVacancyAsync();
        var (_, token) = await app.App.VerifiedPersonAsync();
        var applicationId = await app.App.AppliedIdAsync(vacancy, token);
        var page = await app.SignedInPageAsync(Employer, bypassCsp: true);

        foreach (var path in new[] { $"/staff/opportunities/{vacancy}/applicants", $"/staff/applications/{applicationId}" })
        {
            await page.GotoAsync(path);
            await app.AssertAccessibleAsync(page);
        }

        // Each form as it opens and as it comes back refused (nothing filled in): errors, or the moves allowed now.
        foreach (var form in new[] { "unsuccessful", "invite", "offer", "start" })
        {
            await page.GotoAsync($"/staff/applications/{applicationId}/{form}");
            await app.AssertAccessibleAsync(page);
            await page.Locator("main form[method=post] button[type=submit]").Last.ClickAsync();
            await app.AssertAccessibleAsync(page);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EveryQuestionPage_AndCheckAnswers_HaveNoWcagViolations(bool apprenticeship)
    {
        var page = await app.SignedInPageAsync(Employer, bypassCsp: true);

        await CreateVacancyAsync(page, apprenticeship ? "Theatre support apprentice" : "Theatre porter", Today(), apprenticeship, app.AssertAccessibleAsync);

        await app.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task QuestionPage_WithErrors_HasNoWcagViolations_AndTheSummaryLinksToTheFields()
    {
        var page = await app.SignedInPageAsync(Employer, bypassCsp: true);
        await page.GotoAsync("/staff/opportunities");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a vacancy" }).ClickAsync();
        await page.GetByLabel("How many positions?").FillAsync("lots");

        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        Assert.Equal("lots", await page.GetByLabel("How many positions?").InputValueAsync());
        await app.AssertAccessibleAsync(page);

        await page.GotoAsync($"/staff/opportunities/{await LiveOpportunityAsync()}/close");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the opportunity" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task ConflictPage_HasNoWcagViolations()
    {
        var first = await app.SignedInPageAsync(Employer, bypassCsp: true);
        var second = await app.SignedInPageAsync(Admin);
        await CreateVacancyAsync(first, "Discharge lounge assistant", Today());
        var path = new Uri(first.Url).AbsolutePath;

        // Both start to change it; the admin saves first.
        await first.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await second.GotoAsync(path);
        await second.GetByRole(AriaRole.Button, new() { Name = "Change" }).ClickAsync();
        await second.GetByLabel("Job title").FillAsync("Discharge lounge support worker");
        await SaveEditAsync(second);
        await HeadingAsync(second, "Discharge lounge support worker");

        await first.GetByLabel("Job title").FillAsync("Discharge lounge helper");
        await SaveEditAsync(first);

        await HeadingAsync(first, "Someone else changed this first");
        Assert.Contains("Discharge lounge support worker", await first.Locator("table").InnerTextAsync(), StringComparison.Ordinal);
        await app.AssertAccessibleAsync(first);
    }

    [Fact]
    public async Task UploadWithErrors_AndItsReport_HaveNoWcagViolations()
    {
        var page = await app.SignedInPageAsync(Employer, bypassCsp: true);
        await page.GotoAsync("/staff/opportunities/upload");
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page);

        await UploadCsvAsync(page, await CsvWithTwoBadRowsAsync());

        await HeadingAsync(page, "Your upload");
        await app.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task AtAPhonesWidth_TheHeaderAndNavigationAreUsable()
    {
        var page = await app.SignedInPageAsync(Employer, width: 375);

        // Nothing is wider than the screen, so nothing needs scrolling sideways.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways at 375 px.");
        foreach (var control in new[]
        {
            page.GetByRole(AriaRole.Link, new() { Name = "Staff workspace home" }),
            page.GetByRole(AriaRole.Navigation, new() { Name = "Staff workspace" }).GetByRole(AriaRole.Link, new() { Name = "Home" }),
            page.GetByRole(AriaRole.Navigation, new() { Name = "Staff workspace" }).GetByRole(AriaRole.Link, new() { Name = "Opportunities" }),
            page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }),
        })
        {
            await Assertions.Expect(control).ToBeVisibleAsync();
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 375, $"{control} is off the screen: {box.X} + {box.Width}.");
            // WCAG 2.2 target size (minimum): 24 by 24 CSS pixels.
            Assert.True(box.Height >= 24 && box.Width >= 24, $"{control} is too small to tap: {box.Width} x {box.Height}.");
        }

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Staff workspace" }).GetByRole(AriaRole.Link, new() { Name = "Opportunities" }).ClickAsync();
        await HeadingAsync(page, "Opportunities");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(app.Url("/dev/sign-in"));
    }

    internal static async Task SaveEditAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.GotoAsync(new Uri(page.Url).AbsolutePath.Replace("/where", "/check", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
    }

    internal static async Task UploadCsvAsync(IPage page, string csv)
    {
        await page.GotoAsync("/staff/opportunities/upload");
        await page.GetByLabel("University Hospitals of North Midlands NHS Trust").CheckAsync();
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "vacancies.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
    }

    /// <summary>The template's example row three times: as it is, with a postcode that is not one, and with hours that are not a number.</summary>
    internal async Task<string> CsvWithTwoBadRowsAsync()
    {
        using var template = await app.App.SendAsStaffAsync("employer-uhnm", HttpMethod.Get, "/api/employer/opportunities/upload/template");
        var lines = (await template.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return string.Join("\r\n", lines[0], lines[1], lines[1].Replace("ST4 6QG", "NOT A POSTCODE", StringComparison.Ordinal), lines[1].Replace(",37.5,", ",lots,", StringComparison.Ordinal)) + "\r\n";
    }

    private async Task<string> LiveOpportunityAsync() =>
        (await app.App.Services.GetRequiredService<OpportunityStore>().QueryAsync("EmployerCode eq 'UHNM' and Status eq 'Live'", CancellationToken.None))
            .Select(v => v.Value.Id).Order(StringComparer.Ordinal).First();

    private DateOnly Today() => DateOnly.FromDateTime(app.App.Time.GetUtcNow().UtcDateTime);
}
