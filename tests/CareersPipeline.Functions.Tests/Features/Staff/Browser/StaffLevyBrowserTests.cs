using System.Net;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Functions.Tests.Features.LevyTransfers;
using Microsoft.Playwright;
using static CareersPipeline.Functions.Tests.Features.Staff.Browser.StaffBrowserForms;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>The levy transfer pages in Chromium: axe-core on each (the reject page's error state included), and an employer approving an application.</summary>
[Collection(StaffBrowserGroup.Name)]
public sealed class StaffLevyBrowserTests(StaffBrowserApp app)
{
    [Fact]
    public async Task Employer_ApprovesALevyApplication_OnPagesWithNoWcagViolations()
    {
        var pledge = await app.App.CreatePledgeAsync(Levy.Pledge(app.App));
        var applied = await app.App.ApplyAsync(pledge.Id, Levy.Application(app.App, level: 5));
        var page = await app.SignedInPageAsync(Employer, bypassCsp: true);
        await app.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Levy transfers" }).First.ClickAsync();
        await HeadingAsync(page, "Levy transfers");
        await app.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "£10,000", Exact = false }).First.ClickAsync();
        await HeadingAsync(page, "Pledge of £10,000");
        await app.AssertAccessibleAsync(page);

        await page.GotoAsync($"/staff/levy/applications/{applied.Id}/reject");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject the application" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page);

        await page.GotoAsync($"/staff/levy/applications/{applied.Id}");
        await app.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Assertions.Expect(page.Locator(".nhsuk-caption-l")).ToContainTextAsync("Approved");
        await app.AssertAccessibleAsync(page);
        Assert.Equal(ApplicationStatus.Approved, (await app.App.ApplicationAsync(applied.Id)).Status);
    }

    [Fact]
    public async Task AnotherOrganisationsEmployer_GetsNotFound()
    {
        var pledge = await app.App.CreatePledgeAsync(Levy.Pledge(app.App));
        var applied = await app.App.ApplyAsync(pledge.Id, Levy.Application(app.App, level: 5));
        var page = await app.SignedInPageAsync(OtherEmployer, bypassCsp: true);

        var response = await page.GotoAsync($"/staff/levy/applications/{applied.Id}");

        Assert.Equal((int)HttpStatusCode.NotFound, response!.Status);
        await HeadingAsync(page, "Page not found");
        await app.AssertAccessibleAsync(page);
    }
}
