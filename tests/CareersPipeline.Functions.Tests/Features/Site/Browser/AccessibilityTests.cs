using System.Text.Json;
using CareersPipeline.Core.Features.Opportunities;
using Microsoft.Playwright;

namespace CareersPipeline.Functions.Tests.Features.Site.Browser;

/// <summary>
/// axe-core in the browser on every page template, the form's error state, Arabic pages and the function app's own pages
/// included: no WCAG 2.2 A or AA violation.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AccessibilityTests(BrowserSite site)
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string> Pages() =>
    [
        "/", "/careers/", "/careers/nursing/", "/journeys/", "/uk/journeys/", "/ar/journeys/",
        "/opportunities/", "/opportunities/kind/levy-funded-place/", "{apprenticeship}", "{vacancy}",
        "/events/", "/events/ev-hanley-rr/", "/ar/events/ev-hanley-rr/", "/programmes/", "/programmes/vwe-acute/",
        "/schools/", "/sign-up/", "/uk/sign-up/", "/ar/sign-up/", "/sign-up/done/", "/ar/sign-up/done/",
        "/privacy/", "/accessibility/", "/search/", "/no-such-page/",
        "/api/site/opportunities?kind=Apprenticeship&postcode=ST4+6QG&radiusMiles=20",
        "/api/site/opportunities?postcode=nowhere",
        "/api/privacy/notice", "/api/matches?token=nonsense", "/dev", "/dev/outbox", "/dev/sign-in", "/dev/matches",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasNoWcagViolations(string path)
    {
        var page = await site.NewPageAsync(bypassCsp: true);
        path = path switch
        {
            "{apprenticeship}" => $"/opportunities/{await site.OpportunityIdAsync(OpportunityKind.Apprenticeship)}/",
            "{vacancy}" => $"/opportunities/{await site.OpportunityIdAsync(OpportunityKind.EntryLevelVacancy)}/",
            _ => path,
        };

        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/sign-up/")]
    [InlineData("/ar/sign-up/")]
    [InlineData("/schools/")]
    public async Task FormWithErrors_HasNoWcagViolations(string path)
    {
        var page = await site.NewPageAsync(bypassCsp: true);
        await page.GotoAsync(path);

        await page.Locator("form[method=post] button[type=submit]").ClickAsync();

        Assert.True(await page.Locator(".nhsuk-error-summary").IsVisibleAsync());
        await AssertAccessibleAsync(page);
    }

    private async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = site.AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
            }
            """,
            Tags);
        Assert.True(violations.GetArrayLength() == 0, $"{page.Url}: {violations}");
    }
}
