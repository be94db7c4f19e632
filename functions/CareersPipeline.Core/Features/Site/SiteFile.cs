namespace CareersPipeline.Core.Features.Site;

/// <summary>One blob of the site: its path in $web, its bytes and the headers it is served with.</summary>
public sealed record SiteFile(string Path, ReadOnlyMemory<byte> Content, string ContentType, string CacheControl)
{
    /// <summary>Files whose names carry their content hash never change: browsers may keep them for a year.</summary>
    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>Pages change when the data does; five minutes keeps them current without a request per view.</summary>
    public const string ShortLived = "public, max-age=300";

    public string Hash { get; } = ContentHash.Of(Content.Span);

    public static SiteFile Text(string path, string content) =>
        Create(path, System.Text.Encoding.UTF8.GetBytes(content));

    /// <summary>A file with the content type its extension implies and the cache its name allows.</summary>
    public static SiteFile Create(string path, ReadOnlyMemory<byte> content) =>
        new(path, content, ContentTypeOf(path), IsHashedName(path) ? Immutable : ShortLived);

    public static string ContentTypeOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".wasm" => "application/wasm",
        _ => "application/octet-stream",
    };

    /// <summary>
    /// Our assets are named site.{hash}.css; Pagefind names its index chunks and fragments by their hash
    /// (.pf_fragment, .pf_index, .pf_meta, .pf_filter). Pagefind's entry file and loader keep fixed names.
    /// </summary>
    public static bool IsHashedName(string path) =>
        path.StartsWith(SitePaths.AssetsFolder, StringComparison.Ordinal)
        || (path.StartsWith(SitePaths.SearchFolder, StringComparison.Ordinal) && System.IO.Path.GetExtension(path).StartsWith(".pf_", StringComparison.Ordinal));
}
