using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Which pages the site has, and which of them a change affects. Pure functions of the data, so the full build
/// and the incremental publish cannot disagree about what a page contains or where it lives.
/// </summary>
public static class SitePlan
{
    /// <summary>Every page that is not an opportunity page or an opportunity list.</summary>
    public static IEnumerable<SitePage> ContentPages(SiteData data, IReadOnlyList<SiteLanguage> languages)
    {
        var events = SiteData.Upcoming(data.Events, data.Today);
        var programmes = SiteData.Upcoming(data.Programmes, data.Today);
        var schools = data.Schools.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var open = data.OpenByFamily();

        yield return new HomePage(events);
        yield return new CareersPage(open);
        foreach (var family in CareerFamilies)
        {
            yield return new CareerFamilyPage(family, open.GetValueOrDefault(family));
        }

        yield return new EventsPage(events);
        yield return new ProgrammesPage(programmes);
        yield return new PrivacyPage();
        yield return new AccessibilityPage();
        yield return new SearchPage();
        yield return new NotFoundPage();

        foreach (var language in languages)
        {
            var code = language.Code;
            yield return new JourneysPage { Language = code };
            yield return new SignUpPage(Door.Website, null, schools, SignUpFormState.Empty) { Language = code };
            yield return new SignUpPage(Door.School, null, schools, SignUpFormState.Empty) { Language = code };
            foreach (var item in events)
            {
                yield return new SignUpPage(Door.Event, item, schools, SignUpFormState.Empty) { Language = code };
            }

            foreach (var item in programmes)
            {
                yield return new SignUpPage(Door.Programme, item, schools, SignUpFormState.Empty) { Language = code };
            }

            yield return new SignUpDonePage { Language = code };
        }
    }

    public static IReadOnlyList<CareerFamily> CareerFamilies { get; } = [.. Enum.GetValues<CareerFamily>().Where(f => f != CareerFamily.NotSureYet)];

    /// <summary>Every page of every pre-rendered list.</summary>
    public static IEnumerable<OpportunityListPage> ListPages(IEnumerable<OpportunitySummary> summaries)
    {
        var ordered = Listed(summaries);
        return OpportunityFacet.Static.SelectMany(facet => Paginate(facet, [.. ordered.Where(facet.Includes)]));
    }

    /// <summary>
    /// What one opportunity's change means for the lists: each page of a list that contains it (before or after)
    /// whose items changed (its entry, or which items it holds), and the pages the lists no longer have. Moving up
    /// or down a list shifts every page in between, so those are rendered too; a page whose items are the same is not.
    /// Static list pages show neither a total nor a page count (only previous and next), so that adding one
    /// opportunity does not change every page of every list it is in.
    /// </summary>
    public static ListChanges AffectedLists(IReadOnlyDictionary<string, OpportunitySummary> before, OpportunitySummary? previous, OpportunitySummary? current) =>
        AffectedLists(Listed(before.Values), previous, current);

    /// <summary>As above, from the listed opportunities already in list order (which the publisher keeps between changes).</summary>
    public static ListChanges AffectedLists(IReadOnlyList<OpportunitySummary> orderedBefore, OpportunitySummary? previous, OpportunitySummary? current)
    {
        var changedId = (previous ?? current)?.Id;
        var orderedAfter = new List<OpportunitySummary>(orderedBefore.Count + 1);
        orderedAfter.AddRange(orderedBefore.Where(s => s.Id != changedId));
        if (current is { IsListed: true })
        {
            var at = orderedAfter.BinarySearch(current, ListOrder.Instance);
            orderedAfter.Insert(at < 0 ? ~at : at, current);
        }

        var facets = new HashSet<OpportunityFacet>();
        facets.UnionWith(previous is null ? [] : OpportunityFacet.Containing(previous));
        facets.UnionWith(current is null ? [] : OpportunityFacet.Containing(current));

        var render = new List<OpportunityListPage>();
        var remove = new List<string>();
        foreach (var facet in facets)
        {
            var oldPages = Paginate(facet, [.. orderedBefore.Where(facet.Includes)]).ToList();
            var newPages = Paginate(facet, orderedAfter.Where(facet.Includes).ToList()).ToList();
            for (var i = 0; i < newPages.Count; i++)
            {
                var page = newPages[i];
                if (i >= oldPages.Count || page.HasNext != oldPages[i].HasNext || !page.Items.SequenceEqual(oldPages[i].Items))
                {
                    render.Add(page);
                }
            }

            remove.AddRange(oldPages.Skip(newPages.Count).Select(p => p.Path));
        }

        return new ListChanges(render, remove, orderedAfter);
    }

    /// <summary>The opportunities on the lists, in list order.</summary>
    public static IReadOnlyList<OpportunitySummary> Listed(IEnumerable<OpportunitySummary> summaries) => [.. OpportunityFacet.Order(summaries.Where(s => s.IsListed))];

    public static string Robots(string siteBase) => $"User-agent: *\nAllow: /\nDisallow: /pagefind/\n\nSitemap: {siteBase}/{SitePaths.Sitemap}\n";

    /// <summary>The opportunity id of an opportunity page's path, or null for any other path.</summary>
    public static string? OpportunityId(string path)
    {
        const string prefix = "opportunities/";
        var suffix = "/" + SitePaths.IndexDocument;
        if (path.Length <= prefix.Length + suffix.Length || !path.StartsWith(prefix, StringComparison.Ordinal) || !path.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = path.AsSpan(prefix.Length, path.Length - prefix.Length - suffix.Length);
        return Opportunities.OpportunityIds.IsWellFormed(id) ? id.ToString() : null;
    }

    private static IEnumerable<OpportunityListPage> Paginate(OpportunityFacet facet, List<OpportunitySummary> ordered)
    {
        var pageCount = OpportunityFacet.PageCount(ordered.Count);
        for (var page = 1; page <= pageCount; page++)
        {
            var items = ordered.Skip((page - 1) * OpportunityFacet.PageSize).Take(OpportunityFacet.PageSize).ToList();
            yield return new OpportunityListPage(facet, page, pageCount, ordered.Count, items);
        }
    }

    private sealed class ListOrder : IComparer<OpportunitySummary>
    {
        public static ListOrder Instance { get; } = new();

        public int Compare(OpportunitySummary? x, OpportunitySummary? y)
        {
            var byDate = x!.ClosingDate.CompareTo(y!.ClosingDate);
            return byDate != 0 ? byDate : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}

/// <summary>The list pages to render again, the paths of list pages that no longer exist, and the listed opportunities afterwards.</summary>
public sealed record ListChanges(IReadOnlyList<OpportunityListPage> Render, IReadOnlyList<string> Remove, IReadOnlyList<OpportunitySummary> Listed);
