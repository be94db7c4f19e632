using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// One page of the site and the data it shows. The generator decides which pages exist and where (<see cref="Path"/>);
/// the renderer (web/CareersPipeline.Web) turns each into HTML. Pages that are translated exist once per language.
/// </summary>
public abstract record SitePage
{
    public string Language { get; init; } = SiteLanguage.English;

    /// <summary>The blob in $web, such as "careers/index.html".</summary>
    public abstract string Path { get; }

    /// <summary>Whether the page exists in every language of the site (so it shows a language switcher).</summary>
    public virtual bool IsTranslated => false;

    /// <summary>Whether Pagefind indexes it. Lists repeat what the opportunity pages say.</summary>
    public virtual bool IsSearchable => true;

    protected string Folder(string folder) => SitePaths.Page(Language == SiteLanguage.English ? folder : $"{Language}/{folder}".TrimEnd('/'));
}

public sealed record HomePage(IReadOnlyList<ReferenceItem> Events) : SitePage
{
    public override string Path => SitePaths.IndexDocument;
}

public sealed record CareersPage(IReadOnlyDictionary<CareerFamily, int> OpenByFamily) : SitePage
{
    public override string Path => SitePaths.Page("careers");
}

public sealed record CareerFamilyPage(CareerFamily Family, int OpenCount) : SitePage
{
    public override string Path => SitePaths.CareerFamily(Family);
}

/// <summary>The three Journey to Work routes and their next steps.</summary>
public sealed record JourneysPage : SitePage
{
    public override string Path => Folder("journeys");

    public override bool IsTranslated => true;
}

/// <summary>One page of a list of live opportunities: a pre-rendered facet, or the server-side search's results.</summary>
public sealed record OpportunityListPage(OpportunityFacet Facet, int PageNumber, int PageCount, int Total, IReadOnlyList<OpportunitySummary> Items) : SitePage
{
    /// <summary>Set on server-side search results: the filters as given, and what was wrong with them.</summary>
    public OpportunityFilter? Search { get; init; }

    public override string Path => Facet.PagePath(PageNumber);

    public override bool IsSearchable => false;

    public bool HasNext => PageNumber < PageCount;
}

public sealed record OpportunityDetailPage(Opportunity Opportunity) : SitePage
{
    public override string Path => SitePaths.Opportunity(Opportunity.Id);
}

public sealed record EventsPage(IReadOnlyList<ReferenceItem> Events) : SitePage
{
    public override string Path => SitePaths.Page("events");
}

public sealed record ProgrammesPage(IReadOnlyList<ReferenceItem> Programmes) : SitePage
{
    public override string Path => SitePaths.Page("programmes");
}

/// <summary>
/// A sign-up form for one door: the website's own (/sign-up/), a school's (/schools/), one event's registration
/// or one programme's. <see cref="Subject"/> is the event or programme; <see cref="Schools"/> fills the school list.
/// </summary>
public sealed record SignUpPage(Door Door, ReferenceItem? Subject, IReadOnlyList<ReferenceItem> Schools, SignUpFormState Form) : SitePage
{
    public override string Path => Folder(Door switch
    {
        Door.School => "schools",
        Door.Event => SitePaths.Event(Subject!.Code),
        Door.Programme => SitePaths.Programme(Subject!.Code),
        _ => "sign-up",
    });

    public override bool IsTranslated => true;
}

public sealed record SignUpDonePage : SitePage
{
    public override string Path => Folder("sign-up/done");

    public override bool IsTranslated => true;

    public override bool IsSearchable => false;
}

public sealed record PrivacyPage : SitePage
{
    public override string Path => SitePaths.Page("privacy");
}

public sealed record AccessibilityPage : SitePage
{
    public override string Path => SitePaths.Page("accessibility");
}

public sealed record SearchPage : SitePage
{
    public override string Path => SitePaths.Page("search");

    public override bool IsSearchable => false;
}

public sealed record NotFoundPage : SitePage
{
    public override string Path => SitePaths.NotFound;

    public override bool IsSearchable => false;
}
