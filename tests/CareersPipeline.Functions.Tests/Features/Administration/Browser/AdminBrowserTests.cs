using System.Net;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Tests.Features.Site.Browser;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CareersPipeline.Functions.Tests.Features.Administration.Browser;

/// <summary>
/// The admin's pages in Chromium: axe-core on every admin template and a form's error state (no WCAG 2.2 A or AA
/// violation), and the issue 20 admin journey with JavaScript off: invite an adviser, import schools, add an event that
/// the public door takes at once.
/// </summary>
[Collection(BrowserGroup.Name)]
public sealed class AdminBrowserTests(BrowserSite site)
{
    private const string Admin = "admin-ics";
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string> Pages() =>
    [
        "/staff/", "/staff/admin/staff", "/staff/admin/staff/invite", $"/staff/admin/staff/{Admin}", "/staff/admin/staff/adviser-amina/deactivate",
        "/staff/admin/reference", "/staff/admin/reference?kind=employers", "/staff/admin/reference/events/new", "/staff/admin/reference/employers/new",
        "/staff/admin/reference/employers/items/UHNM", "/staff/admin/reference/schools/import", "/staff/admin/runs", "/staff/admin/audit",
        "/staff/admin/audit?from=yesterday", "/staff/admin/queues", "/staff/admin/queues?sent=2",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task AdminPage_HasNoWcagViolations(string path)
    {
        var page = await AdminPageAsync(javaScript: true, bypassCsp: true);

        await page.GotoAsync(path);

        await AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/staff/admin/staff/invite")]
    [InlineData("/staff/admin/reference/employers/new")]
    [InlineData("/staff/admin/reference/events/new")]
    public async Task AdminFormWithErrors_HasNoWcagViolations(string path)
    {
        var page = await AdminPageAsync(javaScript: true, bypassCsp: true);
        await page.GotoAsync(path);

        await page.Locator("main form[method=post] button[type=submit]").First.ClickAsync();

        Assert.True(await page.Locator(".nhsuk-error-summary").IsVisibleAsync());
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Admin_WithJavaScriptOff_InvitesAnAdviser_ImportsSchools_AndAddsAnEventTheDoorTakesAtOnce()
    {
        var page = await AdminPageAsync(javaScript: false, bypassCsp: false);
        var email = $"browser.adviser.{Guid.NewGuid():n}@example.nhs.uk";

        await page.GotoAsync("/staff/admin/staff/invite");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Tomasz Nowak");
        await page.GetByLabel("Adviser", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the invitation" }).ClickAsync();
        await page.GotoAsync("/staff/admin/staff");
        Assert.Contains("Tomasz Nowak", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var urn = Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var csv = $"URN,EstablishmentName,EstablishmentStatus (name),PhaseOfEducation (name),Postcode\n{urn},Browser Academy,Open,Secondary,ST4 2RU\nX1,Bad Row School,Open,Primary,ST5 1AA\n";
        await page.GotoAsync("/staff/admin/reference/schools/import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "gias.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import" }).ClickAsync();
        Assert.Equal("Your school import", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("1 added and 0 updated of 2 rows", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var code = $"EV-{Guid.NewGuid():n}"[..16].ToUpperInvariant();
        await page.GotoAsync("/staff/admin/reference/events/new");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser careers fair");
        await page.GetByLabel("Day").FillAsync("12");
        await page.GetByLabel("Month").FillAsync("5");
        await page.GetByLabel("Year").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the event" }).ClickAsync();
        await page.WaitForURLAsync(site.Url("/staff/admin/reference?kind=events"));
        Assert.Contains(code, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        var body = SignUpBodies.Valid(Door.Event);
        body["eventCode"] = code;
        using var door = await site.App.PostJsonAsync("/api/signups/event", body);
        Assert.Equal(HttpStatusCode.Accepted, door.StatusCode);
    }

    /// <summary>A page signed in as the admin with the development header, as the local workspace allows.</summary>
    [Fact]
    public async Task FailedMessages_WithMessagesToSendBack_HaveNoWcagViolations_AndSendBackWithJavaScriptOff()
    {
        // An email message about an id that names nobody: one table row with its buttons.
        var poison = site.Storage.Queues.GetQueueClient(Core.Storage.StorageNames.PoisonQueueOf(Core.Storage.StorageNames.Queues.Emails));
        await poison.SendMessageAsync("{\"applicantId\":\"a000000000000000000000000\"}");
        var page = await AdminPageAsync(javaScript: true, bypassCsp: true);
        await page.GotoAsync("/staff/admin/queues");
        await AssertAccessibleAsync(page);

        var plain = await AdminPageAsync(javaScript: false, bypassCsp: false);
        await plain.GotoAsync("/staff/admin/queues");
        await plain.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send all .* back to emails$") }).ClickAsync();
        Assert.Contains("sent back", await plain.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
    }

    private async Task<IPage> AdminPageAsync(bool javaScript, bool bypassCsp)
    {
        await site.App.SeedStaffAsync();
        var page = await site.NewPageAsync(javaScript, bypassCsp);
        await page.Context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [StaffAuthentication.DevUserHeader] = Admin });
        return page;
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
