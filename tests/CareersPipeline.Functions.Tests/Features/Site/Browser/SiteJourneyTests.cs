using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareersPipeline.Functions.Tests.Features.Site.Browser;

/// <summary>What a person does on the site, in a real browser: sign up, filter, register for an event, read it in Arabic, see it change.</summary>
[Collection(BrowserGroup.Name)]
public sealed class SiteJourneyTests(BrowserSite site)
{
    [Fact]
    public async Task SignUpThroughTheWebsiteForm_StoresTheApplicant_AndEmailsThem()
    {
        var page = await site.NewPageAsync();
        var email = SignUpBodies.UniqueEmail("browser");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();
        await BrowserForms.FillSignUpAsync(page, email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        await page.WaitForURLAsync(site.Url("/sign-up/done/"));
        Assert.Equal("Thank you for signing up", await page.Locator("h1").InnerTextAsync());
        var applicant = await site.ApplicantAsync(email);
        Assert.Equal(nameof(Door.Website), applicant.Door);
        Assert.Equal("Nursing,Pharmacy", applicant.CareerInterests);
        var confirmation = await site.App.WaitForEmailAsync(applicant.PartitionKey, EmailKind.Confirmation);
        Assert.Equal(email, confirmation.To);
    }

    [Theory]
    [InlineData("/sign-up/", Door.Website, null)]
    [InlineData("/schools/", Door.School, "ST-TRE-02")]
    [InlineData("/events/ev-burton-cr/", Door.Event, "EV-BURTON-CR")]
    [InlineData("/programmes/vwe-maternity/", Door.Programme, "VWE-MATERNITY")]
    public async Task EveryDoorsForm_WorksWithoutJavaScript(string path, Door door, string? code)
    {
        var page = await site.NewPageAsync(javaScript: false);
        var email = SignUpBodies.UniqueEmail(door.ToString().ToLowerInvariant());

        await page.GotoAsync(path);
        await BrowserForms.FillSignUpAsync(page, email, door);
        await page.Locator("form[method=post] button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(site.Url("/sign-up/done/"));
        var applicant = await site.ApplicantAsync(email);
        Assert.Equal(door.ToString(), applicant.Door);
        Assert.Equal(code, applicant.DoorCode);
    }

    [Fact]
    public async Task RegisterForAnEvent_FromTheEventsPage()
    {
        var page = await site.NewPageAsync();
        var email = SignUpBodies.UniqueEmail("event");

        await page.GotoAsync("/events/");
        await page.Locator(".app-result-list li", new() { HasText = "Hanley recruitment day" }).GetByRole(AriaRole.Link, new() { Name = "Register" }).ClickAsync();
        Assert.StartsWith("Register for Hanley recruitment day", await page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserForms.FillSignUpAsync(page, email, Door.Event);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await page.WaitForURLAsync(site.Url("/sign-up/done/"));
        var applicant = await site.ApplicantAsync(email);
        Assert.Equal(nameof(Door.Event), applicant.Door);
        Assert.Equal("EV-HANLEY-RR", applicant.DoorCode);
    }

    [Fact]
    public async Task FormWithMistakes_WithoutJavaScript_ShowsTheErrorSummaryAndKeepsTheAnswers()
    {
        var page = await site.NewPageAsync(javaScript: false);

        await page.GotoAsync("/sign-up/");
        await page.GetByLabel("First name").FillAsync("Amira");
        await page.GetByLabel("Postcode").FillAsync("nowhere");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign up" }).ClickAsync();

        var summary = page.Locator(".nhsuk-error-summary");
        Assert.Equal("There is a problem", await summary.Locator("h2").InnerTextAsync());
        Assert.Contains("Enter a real UK postcode, like ST4 6QG.", await summary.Locator("li").AllInnerTextsAsync());
        Assert.Equal("Amira", await page.GetByLabel("First name").InputValueAsync());
        await summary.GetByRole(AriaRole.Link, new() { Name = "Enter last name." }).ClickAsync();
        Assert.EndsWith("#lastName", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpportunityFilters_WorkWithoutJavaScript_ByTypeAndByDistance()
    {
        var page = await site.NewPageAsync(javaScript: false);

        await page.GotoAsync("/opportunities/");
        await page.GetByLabel("Type").SelectOptionAsync(nameof(OpportunityKind.Apprenticeship));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show results" }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/opportunities/kind/apprenticeship/"));
        Assert.Equal("Apprenticeships", await page.Locator("h1").InnerTextAsync());
        var kinds = await page.Locator(".app-result-list .nhsuk-tag").AllInnerTextsAsync();
        Assert.NotEmpty(kinds);
        Assert.All(kinds, k => Assert.Equal("Apprenticeship", k.Trim()));

        await page.GetByLabel("Near postcode").FillAsync("ST4 6QG");
        await page.GetByLabel("Within").SelectOptionAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show results" }).ClickAsync();
        Assert.Equal("Search results", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("miles away", await page.Locator(".app-result-list").InnerTextAsync(), StringComparison.Ordinal);

        await page.Locator(".app-result-list a").First.ClickAsync();
        Assert.Equal("Apprenticeship", (await page.Locator(".nhsuk-caption-l").InnerTextAsync()).Trim());
    }

    [Fact]
    public async Task SwitchingToArabic_ShowsTheSamePageRightToLeft()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/sign-up/");
        await page.GetByRole(AriaRole.Link, new() { Name = "العربية" }).ClickAsync();

        await page.WaitForURLAsync(site.Url("/ar/sign-up/"));
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.Equal("ar", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('main')).direction"));
        Assert.Equal("سجّل في وظائف الرعاية الصحية والاجتماعية", await page.Locator("h1").InnerTextAsync());
        // The first field sits on the right: in right-to-left reading order it comes first.
        var box = await page.GetByLabel("الاسم الأول").BoundingBoxAsync();
        var viewport = page.ViewportSize!;
        Assert.True(box!.X + box.Width > viewport.Width / 2, $"the first name box ends at {box.X + box.Width} of {viewport.Width}");
    }

    [Fact]
    public async Task PageUpdates_AfterAnEmployerEditsTheVacancy_WithNoRebuildByHand()
    {
        var id = await site.App.CreateAsync(OpportunityBodies.Apprenticeship(postcode: "ST4 6QG"));
        var page = await site.NewPageAsync();
        await Eventually.TrueAsync(async () => (await page.GotoAsync($"/opportunities/{id}/"))!.Ok, "the new apprenticeship's page");

        var edited = OpportunityBodies.Apprenticeship(postcode: "ST4 6QG");
        edited["title"] = "Theatre support worker apprentice";
        await site.App.EditAsync(id, edited);

        await Eventually.TrueAsync(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator("h1").InnerTextAsync() == "Theatre support worker apprentice";
            },
            "the edit on the opportunity's page");
    }

    [Fact]
    public async Task Search_FindsPagesWithPagefind()
    {
        var page = await site.NewPageAsync();

        await page.GotoAsync("/search/");
        await page.Locator("#search input").FillAsync("pharmacist");

        await page.Locator(".pagefind-ui__result-link").First.WaitForAsync();
        Assert.Contains(await page.Locator(".pagefind-ui__result-link").AllInnerTextsAsync(), t => t.Contains("Pharmacy", StringComparison.Ordinal));
        Assert.True(await page.Locator("#search-fallback").IsHiddenAsync());
    }
}
