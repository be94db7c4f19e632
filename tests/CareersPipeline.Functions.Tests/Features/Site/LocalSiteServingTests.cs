using System.Net;
using System.Net.Http.Headers;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>Locally the function app serves the site from $web as Azure's static website does; /api and /dev are untouched.</summary>
[Collection(SiteGroup.Name)]
public sealed class LocalSiteServingTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SiteKit.StartAsync(storage, consumer: false);
        await _app.Services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/", "Find your career in health and care")]
    [InlineData("/careers/nursing/", "Registered nurse")]
    [InlineData("/careers/nursing", "Registered nurse")]
    [InlineData("/ar/journeys/", "طريقك إلى العمل")]
    public async Task Folders_ServeTheirIndexDocument_WithTheBlobsHeaders(string path, string text)
    {
        using var response = await _app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(SiteFile.ShortLived, response.Headers.CacheControl?.ToString());
        Assert.NotNull(response.Headers.ETag);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assets_AreServedWithTheirTypeAndALongCache()
    {
        var home = Html.Parse(await _app.Http.GetStringAsync("/"));
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;

        using var response = await _app.Http.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal(SiteFile.Immutable, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task MissingPage_IsTheSites404Page()
    {
        using var response = await _app.Http.GetAsync("/no/such/page/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnchangedPage_AnswersNotModified_AndHeadHasNoBody()
    {
        using var first = await _app.Http.GetAsync("/careers/");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/careers/");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await _app.Http.SendAsync(request);
        using var head = await _app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/careers/"));

        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task ApiAndDevPaths_AreNotTheSite()
    {
        using var api = await _app.Http.GetAsync("/api/no-such-thing");
        using var dev = await _app.Http.GetAsync("/dev");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("running locally", await dev.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostedMode_DoesNotServeTheSite()
    {
        await using var hosted = await TestApp.StartAsync(storage, RuntimeMode.Hosted);

        using var response = await hosted.Http.GetAsync("/careers/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(new MediaTypeHeaderValue("text/html"), response.Content.Headers.ContentType);
    }
}
