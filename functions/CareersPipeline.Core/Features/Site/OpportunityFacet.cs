using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// A pre-rendered list of live opportunities: all of them, one kind, or one career family, soonest closing first,
/// <see cref="PageSize"/> to a page. Filters the static site cannot pre-render go to the server-side search.
/// </summary>
public sealed record OpportunityFacet(OpportunityKind? Kind = null, CareerFamily? Family = null)
{
    public const int PageSize = 25;

    public static OpportunityFacet All { get; } = new();

    /// <summary>Every facet the site pre-renders: all, each kind, each career family.</summary>
    public static IReadOnlyList<OpportunityFacet> Static { get; } =
    [
        All,
        .. Enum.GetValues<OpportunityKind>().Select(k => new OpportunityFacet(Kind: k)),
        .. Enum.GetValues<CareerFamily>().Where(f => f != CareerFamily.NotSureYet).Select(f => new OpportunityFacet(Family: f)),
    ];

    public string Folder =>
        Kind is { } kind ? $"opportunities/kind/{SitePaths.Slug(kind)}"
        : Family is { } family ? $"opportunities/family/{SitePaths.Slug(family)}"
        : "opportunities";

    public string PagePath(int pageNumber) => SitePaths.Page(pageNumber <= 1 ? Folder : $"{Folder}/page/{pageNumber}");

    public bool Includes(OpportunitySummary summary) =>
        summary.IsListed && (Kind is null || summary.Kind == Kind) && (Family is null || summary.CareerFamily == Family);

    /// <summary>The facets an opportunity with this summary appears in.</summary>
    public static IEnumerable<OpportunityFacet> Containing(OpportunitySummary summary) =>
        !summary.IsListed ? []
        : summary.CareerFamily == CareerFamily.NotSureYet ? [All, new(Kind: summary.Kind)]
        : [All, new(Kind: summary.Kind), new(Family: summary.CareerFamily)];

    public static int PageCount(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    /// <summary>The order of every list: soonest closing first, then by id so pages are stable.</summary>
    public static IOrderedEnumerable<OpportunitySummary> Order(IEnumerable<OpportunitySummary> items) =>
        items.OrderBy(s => s.ClosingDate).ThenBy(s => s.Id, StringComparer.Ordinal);
}

/// <summary>The filters of a server-side search, as the person gave them, with any problems by field.</summary>
public sealed record OpportunityFilter(
    OpportunityKind? Kind,
    CareerFamily? Family,
    string? Postcode,
    double? RadiusMiles,
    IReadOnlyDictionary<string, string[]> Errors);
