using System.Text.Json;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Tests.Features.Site.Browser;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CareersPipeline.Functions.Tests.Features.Staff.Browser;

/// <summary>
/// The staff workspace's browser tests run alone, like the site's (<see cref="BrowserGroup"/>), and share one app: its own
/// Azurite, the demo staff, employers and opportunities, the site's stylesheet in $web (so axe-core sees real colours),
/// and Debian's Chromium driven by Playwright.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StaffBrowserGroup : ICollectionFixture<StaffBrowserApp>
{
    public const string Name = "StaffBrowser";
}

public sealed class StaffBrowserApp : IAsyncLifetime
{
    private static readonly string[] WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private IPlaywright? _playwright;

    public AzuriteFixture Storage { get; } = new();

    public TestApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AxeScript { get; } = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserSite.Chromium))
        {
            throw new InvalidOperationException($"{BrowserSite.Chromium} is missing: scripts/test installs Debian's chromium (apt-get install chromium).");
        }

        await Storage.InitializeAsync();
        // Offline placing of the demo postcodes: no postcode service is needed to save a vacancy.
        App = await TestApp.StartAsync(Storage, settings: new Dictionary<string, string?> { ["POSTCODES_OFFLINE_FALLBACK"] = "true" });
        await App.SeedStaffAsync();
        await App.Services.GetRequiredService<DemoOpportunities>().SeedAsync(new Progress<string>(), CancellationToken.None);

        // Only the stylesheet and scripts: the staff pages link to the site's fixed stylesheet; no site pages are needed.
        await App.Services.GetRequiredService<SitePublisher>().UploadAllAsync([.. App.Services.GetRequiredService<SiteRendering>().FixedFiles()], CancellationToken.None);

        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserSite.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        await Storage.DisposeAsync();
    }

    /// <summary>
    /// A fresh page in its own context (its own cookies), with or without JavaScript. <paramref name="bypassCsp"/> only for
    /// axe-core, injected as a script the pages' Content-Security-Policy rightly refuses.
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool bypassCsp = false, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            BaseURL = App.BaseUrl,
            Locale = "en-GB",
            BypassCSP = bypassCsp,
            ViewportSize = new ViewportSize { Width = width, Height = 812 },
        });
        // Generous: CI has two cores, shared with Azurite, the app, the browser and the other test classes; the staff home
        // reads every section's cards. These are waits for a page, not speed checks (those are benchmarks).
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in through the development sign-in page, as a person does it: choose who to be, press Sign in.</summary>
    public async Task<IPage> SignedInPageAsync(string displayName, bool javaScript = true, bool bypassCsp = false, int width = 1280)
    {
        var page = await NewPageAsync(javaScript, bypassCsp, width);
        await page.GotoAsync("/dev/sign-in");
        await page.GetByLabel(displayName).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Url("/staff/"));
        return page;
    }

    public string Url(string path) => App.BaseUrl + path;

    /// <summary>axe-core on the page as it is now: no WCAG 2.2 A or AA violation.</summary>
    public async Task AssertAccessibleAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var violations = await page.EvaluateAsync<JsonElement>(
            """
            async (tags) => {
              const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
              return result.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ")) }));
            }
            """,
            WcagTags);
        Assert.True(violations.GetArrayLength() == 0, $"{page.Url}: {violations}");
    }
}
