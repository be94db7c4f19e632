using CareersPipeline.Core.People;
using Microsoft.Playwright;

namespace CareersPipeline.Functions.Tests.Features.Site.Browser;

/// <summary>Fills the sign-up form as a person would: by its labels where they are unique, by the fields' ids where a label repeats (Yes, No).</summary>
public static class BrowserForms
{
    public static async Task FillSignUpAsync(IPage page, string email, Door door = Door.Website)
    {
        if (door == Door.School)
        {
            await page.GetByLabel("Your school").SelectOptionAsync(new SelectOptionValue { Label = "Trentham Academy" });
            await page.GetByLabel("Year group").SelectOptionAsync("12");
        }

        await page.GetByLabel("First name").FillAsync("Amira");
        await page.GetByLabel("Last name").FillAsync("Haddad");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Day").FillAsync("18");
        await page.GetByLabel("Month").FillAsync("3");
        await page.GetByLabel("Year", new() { Exact = true }).FillAsync("2004");
        await page.GetByLabel("Postcode").FillAsync("ST4 6QG");
        await page.GetByLabel("Nursing", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Pharmacy", new() { Exact = true }).CheckAsync();
        await page.GetByLabel(door == Door.School ? "In education" : "Looking for work").CheckAsync();
        await page.GetByLabel("Level 3 (such as A levels or a T level)").CheckAsync();
        await page.Locator("#rightToWork-1").CheckAsync();
        await page.Locator("#consents-contact-1").CheckAsync();
        await page.Locator("#consents-marketing-2").CheckAsync();
    }
}
