using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.Site.Browser;

/// <summary>
/// Browser tests run alone (not beside the other collections) so a busy machine cannot make them flaky. They share
/// one site: its own Azurite, the app with the demo data and the site-changes consumer on, a full build, and
/// Debian's Chromium driven by Playwright (never Playwright's own browser download, which cannot work here).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "Browser";
}

public sealed class BrowserSite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly WireMockServer _postcodes = WireMockServer.Start();
    private IPlaywright? _playwright;

    public AzuriteFixture Storage { get; } = new();

    public TestApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string AxeScript { get; } = Path.Combine(RepoPaths.Root, "node_modules", "axe-core", "axe.min.js");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: scripts/test installs Debian's chromium (apt-get install chromium).");
        }

        await Storage.InitializeAsync();
        FakePostcodes.Answer(_postcodes);
        App = await SiteKit.StartAsync(Storage, consumer: true, new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _postcodes.Url });
        await App.Services.GetRequiredService<DemoOpportunities>().SeedAsync(new Progress<string>(), CancellationToken.None);
        await App.Services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
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
        await App.DisposeAsync();
        _postcodes.Stop();
        await Storage.DisposeAsync();
    }

    /// <summary>
    /// A fresh page in its own context, with or without JavaScript. <paramref name="bypassCsp"/> only for tests that
    /// inject their own script (axe-core, as an inline script the pages' Content-Security-Policy rightly refuses).
    /// </summary>
    public async Task<IPage> NewPageAsync(bool javaScript = true, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = javaScript, BaseURL = App.BaseUrl, Locale = "en-GB", BypassCSP = bypassCsp });
        // Generous: CI has two cores, shared with Azurite, the app and the browser.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public string Url(string path) => App.BaseUrl + path;

    /// <summary>The first of the demo opportunities of a kind, as the site lists it.</summary>
    public async Task<string> OpportunityIdAsync(Core.Features.Opportunities.OpportunityKind kind) =>
        (await App.Services.GetRequiredService<Core.Features.Opportunities.OpportunityStore>().QueryAsync($"Kind eq '{kind}' and Status eq 'Live'", CancellationToken.None))
            .Select(v => v.Value.Id).Order(StringComparer.Ordinal).First();

    public Task<ApplicantEntity> ApplicantAsync(string email) => Storage.ApplicantAsync(email);
}
