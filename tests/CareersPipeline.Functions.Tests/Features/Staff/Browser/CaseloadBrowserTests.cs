using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Tests.Features.Caseloads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static CareersPipeline.Functions.Tests.Features.Staff.Browser.StaffBrowserForms;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>
/// The outreach adviser in Chromium, with axe-core (WCAG 2.2 A and AA) on every caseload page they meet: take a refugee
/// with qualification-recognition needs from triage, log three interventions, change the route with a reason, record
/// employment; the programme counts change. And a partner's referral through its link reaches triage.
/// </summary>
[Collection(StaffBrowserGroup.Name)]
public sealed class CaseloadBrowserTests(StaffBrowserApp app)
{
    [Fact]
    public async Task AnAdviser_TakesFromTriage_WorksTheCase_AndTheProgrammeCountsChange()
    {
        var first = "Mariam" + Guid.NewGuid().ToString("N")[..6];
        var id = await app.App.PersonAsync(firstName: first);
        var service = app.App.Services.GetRequiredService<CaseService>();
        var before = await service.CountsAsync(default);
        var page = await app.SignedInPageAsync(Adviser, bypassCsp: true);

        await page.GotoAsync("/staff/caseload/triage");
        await app.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Take {first} Kovalenko" }).ClickAsync();
        await page.WaitForURLAsync(app.Url($"/staff/caseload/cases/{id}"));
        await Assertions.Expect(page.GetByText("QualificationRecognition").First).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page);

        var intervention = page.Locator("form[action$='/interventions']");
        foreach (var (type, minutes) in new[] { ("QualificationRecognition", "45"), ("EnglishLanguage", "60"), ("ApplicationSupport", "30") })
        {
            await intervention.Locator("select[name=type]").SelectOptionAsync(type);
            await intervention.Locator("input[name=minutes]").FillAsync(minutes);
            await intervention.GetByRole(AriaRole.Button, new() { Name = "Log the intervention" }).ClickAsync();
            await page.WaitForURLAsync(app.Url($"/staff/caseload/cases/{id}"));
        }

        var route = page.Locator("form[action$='/route']");
        await route.Locator("select[name=route]").SelectOptionAsync("CareerChangerOrUnemployed");
        await route.Locator("input[name=why]").FillAsync("UK ENIC statement of comparability received");
        await route.GetByRole(AriaRole.Button, new() { Name = "Change the route" }).ClickAsync();
        await Assertions.Expect(page.GetByText("changed by an adviser")).ToBeVisibleAsync();

        var outcome = page.Locator("form[action$='/outcomes']");
        await outcome.Locator("select[name=type]").SelectOptionAsync("EmploymentInHealthOrCare");
        await outcome.Locator("input[name=employer]").FillAsync("University Hospitals of North Midlands");
        await outcome.Locator("input[name=role]").FillAsync("Healthcare support worker");
        await outcome.Locator("input[name=startDate]").FillAsync(Today().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await outcome.GetByRole(AriaRole.Button, new() { Name = "Record the outcome" }).ClickAsync();
        await page.WaitForURLAsync(app.Url($"/staff/caseload/cases/{id}"));
        await app.AssertAccessibleAsync(page);

        var after = await service.CountsAsync(default);
        Assert.Equal(before.CaseManaged + 1, after.CaseManaged);
        Assert.Equal(before.Interventions[InterventionType.QualificationRecognition] + 1, after.Interventions[InterventionType.QualificationRecognition]);
        Assert.Equal(before.Interventions.Values.Sum() + 3, after.Interventions.Values.Sum());
        Assert.Equal(before.Outcomes[OutcomeType.EmploymentInHealthOrCare] + 1, after.Outcomes[OutcomeType.EmploymentInHealthOrCare]);

        await page.GotoAsync("/staff/caseload");
        await Assertions.Expect(page.GetByText(first)).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task APartnersReferral_ThroughItsLink_ReachesTriage()
    {
        var partners = app.App.Services.GetRequiredService<ReferralPartners>();
        var admin = new StaffPrincipal("browser-admin", "Admin", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());
        var link = Assert.IsType<Core.Result<PartnerLink>.Ok>(await partners.SaveAsync(admin, "jobcentre-" + Guid.NewGuid().ToString("N")[..6], new PartnerInput("Jobcentre Plus Hanley", null), default)).Value;
        var first = "Oksana" + Guid.NewGuid().ToString("N")[..6];
        var form = await app.NewPageAsync(bypassCsp: true);

        await form.GotoAsync(new Uri(link.Url).PathAndQuery);
        await app.AssertAccessibleAsync(form);
        await form.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Assertions.Expect(form.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(form);

        await form.GetByLabel("First name").FillAsync(first);
        await form.GetByLabel("Last name").FillAsync("Melnyk");
        await form.GetByLabel("Phone number (if they have one)").FillAsync("07700 900456");
        await form.GetByLabel("Day").FillAsync("9");
        await form.GetByLabel("Month").FillAsync("11");
        await form.GetByLabel("Year").FillAsync("1985");
        await form.GetByLabel("Postcode").FillAsync("ST1 1AA");
        await form.GetByLabel("Getting overseas qualifications recognised").CheckAsync();
        await form.GetByLabel("The person has agreed").CheckAsync();
        await form.GetByLabel("Your name").FillAsync("Dev Patel");
        await form.GetByLabel("Your work email address").FillAsync("dev.patel@jobcentre.example");
        await form.GetByRole(AriaRole.Button, new() { Name = "Send the referral" }).ClickAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Heading, new() { Name = "Referral received" })).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(form);

        var adviser = await app.SignedInPageAsync(Adviser, bypassCsp: true);
        await adviser.GotoAsync("/staff/caseload/triage");
        await Assertions.Expect(adviser.GetByRole(AriaRole.Cell, new() { Name = $"{first} Melnyk", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(adviser.GetByText("Referred by Dev Patel (Jobcentre Plus Hanley)")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task TheRegistrationPage_WithAndWithoutErrors_HasNoWcagViolations()
    {
        var page = await app.SignedInPageAsync(Adviser, bypassCsp: true);
        await page.GotoAsync("/staff/caseload/register");
        await app.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Register them" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await app.AssertAccessibleAsync(page);
    }

    private DateOnly Today() => DateOnly.FromDateTime(app.App.Time.GetUtcNow().UtcDateTime);
}
