using Microsoft.Playwright;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>The staff forms filled as a person fills them: by their labels, pressing the page's own buttons.</summary>
public static class StaffBrowserForms
{
    public const string Employer = "Priya Shah (UHNM apprenticeships lead)";
    public const string OtherEmployer = "Tom Baker (MPFT resourcing)";
    public const string Admin = "ICS people team admin";
    public const string Adviser = "Amina Yusuf (outreach adviser)";

    /// <summary>
    /// From the opportunity list: every question page of a new vacancy, then check answers and save. <paramref name="onEachPage"/>
    /// runs on each question page and on check answers before it is sent (axe-core, for one). Ends on the new draft's page.
    /// </summary>
    public static async Task CreateVacancyAsync(IPage page, string title, DateOnly today, bool apprenticeship = false, Func<IPage, Task>? onEachPage = null)
    {
        onEachPage ??= _ => Task.CompletedTask;
        await page.GotoAsync("/staff/opportunities");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create a vacancy" }).ClickAsync();

        await onEachPage(page);
        await page.GetByLabel(apprenticeship ? "An apprenticeship" : "An entry-level vacancy").CheckAsync();
        await page.GetByLabel("Job title").FillAsync(title);
        await page.GetByLabel("Summary").FillAsync("Care for patients overnight on a busy ward.");
        await page.GetByLabel("Career family").SelectOptionAsync("Nursing");
        await page.GetByLabel("How many positions?").FillAsync("2");
        await ContinueAsync(page, "Where the job is");

        await onEachPage(page);
        await page.GetByLabel("Workplace postcodes").FillAsync("ST4 6QG");
        await ContinueAsync(page, "Pay and hours");

        await onEachPage(page);
        await page.GetByLabel(apprenticeship ? "The apprenticeship minimum wage" : "The national minimum wage").CheckAsync();
        await page.GetByLabel("Hours a week").FillAsync("30");
        await ContinueAsync(page, "Dates");

        await onEachPage(page);
        var closing = today.AddDays(40);
        await page.Locator("#closingDate-day").FillAsync($"{closing.Day}");
        await page.Locator("#closingDate-month").FillAsync($"{closing.Month}");
        await page.Locator("#closingDate-year").FillAsync($"{closing.Year}");
        await ContinueAsync(page, apprenticeship ? "The apprenticeship and its training" : "The contract");

        await onEachPage(page);
        if (apprenticeship)
        {
            await page.GetByLabel("Apprenticeship standard").FillAsync("Healthcare support worker");
            await page.GetByLabel("LARS code").FillAsync("130");
            await page.GetByLabel("Level (2 to 7)").FillAsync("2");
            await page.GetByLabel("Route").FillAsync("Health and science");
            await page.GetByLabel("Length in months").FillAsync("14");
            await page.GetByLabel("Training provider").FillAsync("Stoke on Trent College");
        }
        else
        {
            await page.GetByLabel("Permanent").CheckAsync();
        }

        await ContinueAsync(page, "Check your answers");
        await onEachPage(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a draft" }).ClickAsync();
        await HeadingAsync(page, title);
    }

    public static async Task ContinueAsync(IPage page, string nextHeading)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await HeadingAsync(page, nextHeading);
    }

    /// <summary>Waits for the page whose &lt;h1&gt; is <paramref name="heading"/> (a failed step shows another heading, and says so).</summary>
    public static async Task HeadingAsync(IPage page, string heading) =>
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(heading);

    /// <summary>The id of the opportunity whose page is open.</summary>
    public static string OpportunityIdOf(IPage page) => new Uri(page.Url).AbsolutePath.Split('/')[^1];
}
