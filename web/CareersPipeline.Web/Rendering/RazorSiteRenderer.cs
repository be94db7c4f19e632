using System.Text.Encodings.Web;
using System.Text.Unicode;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Web.Components;
using CareersPipeline.Web.Content;
using CareersPipeline.Web.Pages;
using CareersPipeline.Web.Strings;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Web.Rendering;

/// <summary>
/// Renders pages with Razor components through <see cref="HtmlRenderer"/>: type-checked templates, HTML-encoded by
/// default. The one renderer of every page: the site's, and the function app's own (<see cref="AppPage"/>). One
/// HtmlRenderer renders one page at a time on its dispatcher, so a small pool lets a full build use every core.
/// </summary>
public sealed class RazorSiteRenderer : ISiteRenderer, IAsyncDisposable
{
    private readonly IReadOnlyList<SiteStrings> _languages = SiteStrings.Load();
    private readonly CareerContent _careers = CareerContent.Load();
    private readonly HtmlRenderer[] _renderers;
    private readonly SiteAssetUrls _assetUrls;
    private readonly SiteAssetUrls _appAssetUrls;
    private readonly string _icsName;
    private int _next;

    public RazorSiteRenderer(IOptions<SiteOptions> options)
    {
        _icsName = options.Value.IcsName;
        // Arabic and Ukrainian as characters, not &#x...; entities: a third of the bytes, and readable to Pagefind.
        var services = new ServiceCollection()
            .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
            .AddSingleton(JavaScriptEncoder.Create(UnicodeRanges.All))
            .BuildServiceProvider();
        _renderers = [.. Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount)).Select(_ => new HtmlRenderer(services, NullLoggerFactory.Instance))];
        Assets = [Asset("site.css"), Asset("site.js")];
        _assetUrls = new SiteAssetUrls(SitePaths.Url(Assets[0].Path), SitePaths.Url(Assets[1].Path));
        // The function app's own pages may be newer than the site in $web, so they link the stylesheet by the name that never changes.
        _appAssetUrls = _assetUrls with { Stylesheet = SitePaths.Url(SiteRendering.StableStylesheet) };
        var assembly = typeof(RazorSiteRenderer).Assembly;
        // The module id changes with any change to the templates, strings or embedded assets (deterministic builds).
        Version = assembly.ManifestModule.ModuleVersionId.ToString("n");
    }

    public IReadOnlyList<SiteLanguage> Languages => [.. _languages.Select(l => l.Language)];

    public IReadOnlyList<SiteFile> Assets { get; }

    public string Version { get; }

    public Task<string> RenderAsync(SitePage page, SiteLinks links, CancellationToken cancellationToken)
    {
        var text = _languages.FirstOrDefault(l => l.Language.Code == page.Language)
            ?? throw new ArgumentException($"The site has no language '{page.Language}'.", nameof(page));
        var view = new SiteView(page, links, text, _languages, page is AppPage ? _appAssetUrls : _assetUrls, _careers, _icsName);
        var renderer = _renderers[(uint)Interlocked.Increment(ref _next) % _renderers.Length];
        return renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await renderer.RenderComponentAsync<PageHost>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(PageHost.View)] = view }));
            return "<!DOCTYPE html>\n" + output.ToHtmlString();
        });
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var renderer in _renderers)
        {
            await renderer.DisposeAsync();
        }
    }

    private static SiteFile Asset(string name)
    {
        using var stream = typeof(RazorSiteRenderer).Assembly.GetManifestResourceStream("Assets." + name)
            ?? throw new InvalidOperationException($"The asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var content = copy.ToArray();
        var extension = Path.GetExtension(name);
        return SiteFile.Create($"{SitePaths.AssetsFolder}{Path.GetFileNameWithoutExtension(name)}.{ContentHash.ForFileName(content)}{extension}", content);
    }
}
