namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// What the generator knows about the published site, kept in one private blob so that a change can be published
/// without reading the whole Opportunities table or listing $web: the summary of every public opportunity (for the
/// lists), the content hash of every blob it uploaded, and whether Pagefind's index is behind the pages.
/// </summary>
public sealed record SiteIndex(
    string RendererVersion,
    IReadOnlyDictionary<string, OpportunitySummary> Opportunities,
    IReadOnlyDictionary<string, string> Hashes,
    bool SearchStale,
    DateTimeOffset BuiltAt);
