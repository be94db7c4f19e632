using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Everything the pages other than opportunity pages are made from: the public opportunities' summaries and the
/// reference data, as of <see cref="Today"/> (events and programmes that have started are no longer shown).
/// </summary>
public sealed record SiteData(
    IReadOnlyDictionary<string, OpportunitySummary> Opportunities,
    IReadOnlyList<ReferenceItem> Events,
    IReadOnlyList<ReferenceItem> Programmes,
    IReadOnlyList<ReferenceItem> Schools,
    DateOnly Today)
{
    public IReadOnlyDictionary<CareerFamily, int> OpenByFamily() => OpenByFamily(Opportunities.Values);

    public static IReadOnlyDictionary<CareerFamily, int> OpenByFamily(IEnumerable<OpportunitySummary> summaries) =>
        summaries.Where(s => s.IsListed).GroupBy(s => s.CareerFamily).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Only what is still to come, soonest first.</summary>
    public static IReadOnlyList<ReferenceItem> Upcoming(IEnumerable<ReferenceItem> items, DateOnly today) =>
        [.. items.Where(i => i.Date is null || i.Date >= today).OrderBy(i => i.Date ?? DateOnly.MaxValue).ThenBy(i => i.Code, StringComparer.Ordinal)];
}
