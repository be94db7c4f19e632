using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using static CareersPipeline.Core.Tests.Features.Site.SiteTestData;

namespace CareersPipeline.Core.Tests.Features.Site;

/// <summary>Which pages one opportunity's change affects: only the list pages whose items change, and the pages lists lose.</summary>
public sealed class SitePlanTests
{
    private static readonly OpportunityFacet Apprenticeships = new(Kind: OpportunityKind.Apprenticeship);
    private static readonly OpportunityFacet Nursing = new(Family: CareerFamily.Nursing);

    [Fact]
    public void AffectedLists_EditThatKeepsItsPlace_RendersOnlyThePageHoldingItInEachList()
    {
        var before = Many(60);
        var edited = before[Id(30)] with { Title = "Renamed" };

        var changes = SitePlan.AffectedLists(before, before[Id(30)], edited);

        // 30th soonest closing: page 2 of 25 in "all", "apprenticeships" and "nursing" alike.
        Assert.Equal(
            new[] { OpportunityFacet.All.PagePath(2), Apprenticeships.PagePath(2), Nursing.PagePath(2) }.Order(StringComparer.Ordinal),
            changes.Render.Select(p => p.Path).Order(StringComparer.Ordinal));
        Assert.All(changes.Render, p => Assert.Contains(p.Items, s => s.Title == "Renamed"));
        Assert.Empty(changes.Remove);
    }

    [Fact]
    public void AffectedLists_NewOpportunity_RendersItsPageAndEveryLaterPageOfItsLists_NotEarlierOnes()
    {
        var before = Many(60);
        var added = Summary(61, closesInDays: 40) with { CareerFamily = CareerFamily.Pharmacy };

        var changes = SitePlan.AffectedLists(before, null, added);

        var paths = changes.Render.Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(OpportunityFacet.All.PagePath(1), paths);
        Assert.Contains(OpportunityFacet.All.PagePath(2), paths);
        Assert.Contains(OpportunityFacet.All.PagePath(3), paths);
        Assert.Contains(new OpportunityFacet(Family: CareerFamily.Pharmacy).PagePath(1), paths);
        Assert.DoesNotContain(Nursing.PagePath(1), paths);
        Assert.DoesNotContain(Nursing.PagePath(2), paths);
    }

    [Fact]
    public void AffectedLists_ArchivingTheLastOfAPage_RemovesThatPage()
    {
        var before = Many(26);

        var changes = SitePlan.AffectedLists(before, before[Id(26)], null);

        Assert.Contains(OpportunityFacet.All.PagePath(2), changes.Remove);
        Assert.Contains(Nursing.PagePath(2), changes.Remove);
        // Page 1 no longer links to page 2.
        Assert.Contains(changes.Render, p => p.Path == OpportunityFacet.All.PagePath(1) && !p.HasNext);
    }

    [Fact]
    public void AffectedLists_ClosingAnOpportunity_TakesItOffEveryList()
    {
        var before = Many(3);
        var closed = before[Id(2)] with { Status = OpportunityStatus.Closed };

        var changes = SitePlan.AffectedLists(before, before[Id(2)], closed);

        Assert.Equal(3, changes.Render.Count);
        Assert.All(changes.Render, p => Assert.DoesNotContain(p.Items, s => s.Id == Id(2)));
    }

    [Fact]
    public void AffectedLists_MovingToAnotherFamily_RendersBothFamilies()
    {
        var before = Many(3);
        var moved = before[Id(2)] with { CareerFamily = CareerFamily.Midwifery };

        var paths = SitePlan.AffectedLists(before, before[Id(2)], moved).Render.Select(p => p.Path).ToList();

        Assert.Contains(Nursing.PagePath(1), paths);
        Assert.Contains(new OpportunityFacet(Family: CareerFamily.Midwifery).PagePath(1), paths);
    }

    [Fact]
    public void AffectedLists_NoRealChange_RendersNothing()
    {
        var before = Many(10);

        var changes = SitePlan.AffectedLists(before, before[Id(4)], before[Id(4)]);

        Assert.Empty(changes.Render);
        Assert.Empty(changes.Remove);
    }

    [Fact]
    public void ListPages_PaginateEveryFacet_SoonestClosingFirst()
    {
        var summaries = Many(30, n => Summary(n, closesInDays: 100 - n));

        var all = SitePlan.ListPages(summaries.Values).Where(p => p.Facet == OpportunityFacet.All).ToList();

        Assert.Equal([1, 2], all.Select(p => p.PageNumber));
        Assert.Equal(Id(30), all[0].Items[0].Id);
        Assert.Equal(25, all[0].Items.Count);
        Assert.Equal(5, all[1].Items.Count);
    }

    [Fact]
    public void ContentPages_TranslatedPagesExistInEveryLanguage_AndPastEventsAreLeftOut()
    {
        var events = new[]
        {
            new ReferenceItem(ReferenceKind.Event, "EV-PAST", "Past", "ST1 1HR", "Hall", Today.AddDays(-1)),
            new ReferenceItem(ReferenceKind.Event, "EV-SOON", "Soon", "ST1 1HR", "Hall", Today.AddDays(3)),
        };
        var data = new SiteData(Many(2), events, [], [], Today);
        SiteLanguage[] languages = [new("en", "English", false), new("ar", "العربية", true)];

        var paths = SitePlan.ContentPages(data, languages).Select(p => p.Path).ToList();

        Assert.Contains("sign-up/index.html", paths);
        Assert.Contains("ar/sign-up/index.html", paths);
        Assert.Contains("ar/journeys/index.html", paths);
        Assert.Contains("ar/events/ev-soon/index.html", paths);
        Assert.DoesNotContain(paths, p => p.Contains("ev-past", StringComparison.Ordinal));
        Assert.Equal(paths.Count, paths.Distinct().Count());
    }

    [Fact]
    public void Sitemap_IsAnIndexOfParts_ListingPagesPeopleFind_WithTheDayEachOpportunityChanged()
    {
        var summaries = Many(1);
        string[] paths = [SitePaths.IndexDocument, SitePaths.Opportunity(Id(1)), OpportunityFacet.All.PagePath(2), "sign-up/done/index.html", "assets/site.abc.css", SitePaths.Page("search")];

        var files = Sitemaps.Render("https://site.example", paths, summaries).ToDictionary(f => f.Path, f => f.Xml);

        var part = Sitemaps.PartOf(SitePaths.Opportunity(Id(1)));
        Assert.Matches("^sitemaps/opportunities-[0-9a-f].xml$", part);
        Assert.Equal(new[] { SitePaths.Sitemap, Sitemaps.Pages, part }.Order(StringComparer.Ordinal), files.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("<loc>https://site.example/sitemaps/pages.xml</loc>", files[SitePaths.Sitemap]);
        Assert.Contains($"<loc>https://site.example/{part}</loc>", files[SitePaths.Sitemap]);
        Assert.Contains("<loc>https://site.example/</loc>", files[Sitemaps.Pages]);
        Assert.Contains($"<loc>https://site.example/opportunities/{Id(1)}/</loc><lastmod>2026-05-01</lastmod>", files[part]);
        var all = string.Concat(files.Values);
        Assert.DoesNotContain("/page/2/", all);
        Assert.DoesNotContain("done", all);
        Assert.DoesNotContain("assets", all);
        Assert.DoesNotContain("search", all);
    }

    [Fact]
    public void SitemapParts_StaySmall_WhateverTheShapeOfTheIds()
    {
        // Sequential local ids share their first digits, and national ones all start with "n": the parts must not.
        var ids = Enumerable.Range(1, 3200).Select(Id).Concat(Enumerable.Range(1, 800).Select(n => OpportunityIds.National($"VAC{1000000000 + n}")));

        var sizes = ids.GroupBy(id => Sitemaps.PartOf(SitePaths.Opportunity(id))).Select(g => g.Count()).ToList();

        Assert.Equal(16, sizes.Count);
        Assert.All(sizes, size => Assert.InRange(size, 150, 350));
    }

    [Fact]
    public void Sitemap_RendersOnlyThePartsAsked()
    {
        string[] paths = [SitePaths.IndexDocument, SitePaths.Opportunity(Id(1))];

        var files = Sitemaps.Render("https://site.example", paths, Many(1), new HashSet<string> { Sitemaps.Pages });

        Assert.Equal([Sitemaps.Pages, SitePaths.Sitemap], files.Select(f => f.Path));
    }

    [Theory]
    [InlineData("opportunities/o0123456789abcdef01234567/index.html", "o0123456789abcdef01234567")]
    [InlineData("opportunities/index.html", null)]
    [InlineData("opportunities/kind/apprenticeship/index.html", null)]
    public void OpportunityId_IsReadOnlyFromOpportunityPages(string path, string? expected) =>
        Assert.Equal(expected, SitePlan.OpportunityId(path));

    private static string Id(int n) => Summary(n).Id;
}
