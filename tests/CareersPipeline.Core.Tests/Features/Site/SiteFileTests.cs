using System.Text;
using CareersPipeline.Core.Features.Site;

namespace CareersPipeline.Core.Tests.Features.Site;

/// <summary>Each blob's content type, and a year's cache only for names that change with their content.</summary>
public sealed class SiteFileTests
{
    [Theory]
    [InlineData("index.html", "text/html; charset=utf-8", SiteFile.ShortLived)]
    [InlineData("careers/nursing/index.html", "text/html; charset=utf-8", SiteFile.ShortLived)]
    [InlineData("assets/site.0a1b2c3d4e5f.css", "text/css; charset=utf-8", SiteFile.Immutable)]
    [InlineData("assets/site.0a1b2c3d4e5f.js", "text/javascript; charset=utf-8", SiteFile.Immutable)]
    [InlineData("css/site.css", "text/css; charset=utf-8", SiteFile.ShortLived)]
    [InlineData("sitemap.xml", "application/xml; charset=utf-8", SiteFile.ShortLived)]
    [InlineData("robots.txt", "text/plain; charset=utf-8", SiteFile.ShortLived)]
    [InlineData("pagefind/pagefind-entry.json", "application/json", SiteFile.ShortLived)]
    [InlineData("pagefind/pagefind.js", "text/javascript; charset=utf-8", SiteFile.ShortLived)]
    [InlineData("pagefind/fragment/en_85fe4c9.pf_fragment", "application/octet-stream", SiteFile.Immutable)]
    public void Create_SetsContentTypeAndCache(string path, string contentType, string cacheControl)
    {
        var file = SiteFile.Create(path, Encoding.UTF8.GetBytes("x"));

        Assert.Equal(contentType, file.ContentType);
        Assert.Equal(cacheControl, file.CacheControl);
    }

    [Fact]
    public void Hash_IsTheContentMd5BlobStorageKeeps() =>
        Assert.Equal("XrY7u+Ae7tCTyyK7j1rNww==", SiteFile.Text("index.html", "hello world").Hash);
}
