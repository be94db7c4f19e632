using CareersPipeline.Core.Features.SignUps;

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
        var ordered = OpportunityFacet.Order(summaries.Where(s => s.IsListed)).ToList();
        return OpportunityFacet.Static.SelectMany(facet => Paginate(facet, ordered.Where(facet.Includes).ToList()));
    }

    /// <summary>
    /// What one opportunity's change means for the lists: each page of a list that contains it (before or after)
    /// whose items changed (its entry, or which items it holds), and the pages the lists no longer have. Moving up
    /// or down a list shifts every page in between, so those are rendered too; a page whose items are the same is not.
    /// Static list pages show neither a total nor a page count (only previous and next), so that adding one
    /// opportunity does not change every page of every list it is in.
    /// </summary>
    public static ListChanges AffectedLists(IReadOnlyDictionary<string, OpportunitySummary> before, OpportunitySummary? previous, OpportunitySummary? current)
    {
        var orderedBefore = OpportunityFacet.Order(before.Values.Where(s => s.IsListed)).ToList();
        var orderedAfter = orderedBefore.Where(s => s.Id != (previous ?? current)?.Id).ToList();
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
            var oldPages = Paginate(facet, orderedBefore.Where(facet.Includes).ToList()).ToList();
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

        return new ListChanges(render, remove);
    }

    /// <summary>The sitemap: every page people should find, opportunity pages with the day they last changed.</summary>
    public static string Sitemap(string siteBase, IEnumerable<string> paths, IReadOnlyDictionary<string, OpportunitySummary> opportunities)
    {
        var xml = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths.Where(InSitemap).Order(StringComparer.Ordinal))
        {
            xml.Append("<url><loc>").Append(System.Security.SecurityElement.Escape(siteBase + SitePaths.Url(path))).Append("</loc>");
            if (OpportunityId(path) is { } id && opportunities.TryGetValue(id, out var summary) && summary.UpdatedAt != default)
            {
                xml.Append("<lastmod>").Append(summary.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd")).Append("</lastmod>");
            }

            xml.Append("</url>\n");
        }

        return xml.Append("</urlset>\n").ToString();
    }

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

        var id = path[prefix.Length..^suffix.Length];
        return Opportunities.OpportunityIds.IsWellFormed(id) ? id : null;
    }

    private static bool InSitemap(string path) =>
        path.EndsWith(SitePaths.IndexDocument, StringComparison.Ordinal)
        && !path.Contains("/page/", StringComparison.Ordinal)
        && !path.EndsWith("sign-up/done/" + SitePaths.IndexDocument, StringComparison.Ordinal)
        && path != SitePaths.Page("search");

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

/// <summary>The list pages to render again, and the paths of list pages that no longer exist.</summary>
public sealed record ListChanges(IReadOnlyList<OpportunityListPage> Render, IReadOnlyList<string> Remove);
