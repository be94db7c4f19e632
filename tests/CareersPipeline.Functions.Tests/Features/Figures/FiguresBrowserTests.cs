using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Staff.Browser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CareersPipeline.Functions.Tests.Features.Staff.Browser.StaffBrowserForms;

namespace CareersPipeline.Functions.Tests.Features.Figures;

/// <summary>The figures dashboard in Chromium: axe on it (with figures, and with a filter error), and the filter without JavaScript.</summary>
[Collection(StaffBrowserGroup.Name)]
public sealed class FiguresBrowserTests(StaffBrowserApp app)
{
    [Theory]
    [InlineData("/staff/figures")]
    [InlineData("/staff/figures?from=2030-01-07&to=2030-01-13")]
    [InlineData("/staff/figures?from=not-a-date&to=2030-01-13")]
    public async Task Dashboard_HasNoWcagViolations(string path)
    {
        await RecordSomeAsync();
        var page = await app.SignedInPageAsync(Admin, bypassCsp: true);

        await page.GotoAsync(path);

        await app.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task DateFilter_WorksWithoutJavaScript()
    {
        await RecordSomeAsync();
        var page = await app.SignedInPageAsync(Admin, javaScript: false);
        await page.GotoAsync("/staff/figures");

        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2030-01-07");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2030-01-13");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show figures" }).ClickAsync();

        Assert.EndsWith("/staff/figures?from=2030-01-07&to=2030-01-13", page.Url, StringComparison.Ordinal);
        var funnel = page.Locator("table").Filter(new() { HasText = "Signed up" }).First;
        Assert.Contains("10", await funnel.InnerTextAsync(), StringComparison.Ordinal);
    }

    /// <summary>Twelve sign-ups in a week of their own, eight of them matched (shown as 10 and 10). Recording twice changes nothing.</summary>
    private async Task RecordSomeAsync()
    {
        var journey = app.App.Services.GetRequiredService<JourneyEvents>();
        var at = new DateTimeOffset(2030, 1, 8, 10, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 12; i++)
        {
            await journey.RecordAsync(new JourneyEvent($"browser-figures-{i}", JourneyStage.SignedUp, at, $"browser-figures-{i}", "Website", "CareerChangerOrUnemployed"), [], CancellationToken.None);
            if (i < 8)
            {
                await journey.RecordAsync(new JourneyEvent($"browser-figures-{i}", JourneyStage.Matched, at.AddDays(1), "first-match", "Website", "CareerChangerOrUnemployed"), [], CancellationToken.None);
            }
        }
    }
}
