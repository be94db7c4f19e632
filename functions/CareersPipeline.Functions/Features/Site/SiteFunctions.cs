using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.Messages;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Site;

/// <summary>
/// The static site: the site-changes consumer (incremental publish), the nightly full build and its admin twin, the
/// debounced search refresh, and the two things a static site cannot do itself: accept its forms and run searches
/// it could not pre-render. Handlers only translate; the generator is CareersPipeline.Core.Features.Site.
/// </summary>
public static class SiteFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        QueueFunction.For<SiteChange>("PublishSiteChanges", StorageNames.Queues.SiteChanges, (services, change, ct) => services.GetRequiredService<SiteChangeHandler>().HandleAsync(change, ct)),
        new TimerFunction("RebuildSite", "SITE_REBUILD_SCHEDULE", (services, _, ct) => services.GetRequiredService<SiteFullBuild>().RunAsync(ct)),
        new TimerFunction("RefreshSiteSearch", "SITE_SEARCH_SCHEDULE", (services, _, ct) => services.GetRequiredService<SiteSearchRefresh>().RunAsync(ct)),
        HttpFunction.For("RebuildSiteNow", "POST", "manage/site/rebuild", RebuildAsync, b => b.RequireStaff(StaffRole.Admin).Produces(StatusCodes.Status202Accepted)
            .WithSummary("Queue a full build of the static site (what the nightly timer does)")),
        // Its twin on the admin's runs page: the same request, then back to the page, which shows the run once it starts.
        HttpFunction.Page("RebuildSitePage", "POST", "staff/admin/runs/site-rebuild", RebuildFromPageAsync, b => b.RequireStaffPage(StaffRole.Admin)),
        HttpFunction.For("SiteSignUp", "POST", "site/signups/{door}", SiteForms.SignUpAsync, b => b.Accepts<IFormCollection>("application/x-www-form-urlencoded")
            .Produces(StatusCodes.Status303SeeOther).Produces(StatusCodes.Status400BadRequest, contentType: "text/html").ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("The site's sign-up forms: 303 to the thank-you page, or the form again with its errors")),
        // The site's privacy notice page (the same component as /privacy/), served by the app too so that emails and
        // link pages can point at a notice that exists before the first site build.
        HttpFunction.For("PrivacyNotice", "GET", "privacy/notice", () => new PageResult(new PrivacyPage()), b => b.Produces<string>(200, "text/html")
            .WithSummary("The privacy notice: each purpose, its lawful basis and how long data is kept")),
        HttpFunction.For("SiteOpportunitySearch", "GET", "site/opportunities", SiteSearchPage.SearchAsync, b => b.Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status303SeeOther).WithSummary("The site's opportunity filters: a pre-rendered list, or results rendered here")),
    ];

    private static async Task<IResult> RebuildFromPageAsync(HttpContext context, QueueSender queue, CancellationToken ct)
    {
        await queue.SendAsync(StorageNames.Queues.SiteChanges, SiteChangeHandler.RebuildRequest(StaffAccess.StaffOf(context).SubjectId), ct);
        return StaffHtml.SeeOther(context, "/staff/admin/runs?started=site-rebuild");
    }

    private static async Task<IResult> RebuildAsync(HttpContext context, QueueSender queue, CancellationToken ct)
    {
        await queue.SendAsync(StorageNames.Queues.SiteChanges, SiteChangeHandler.RebuildRequest(StaffAccess.StaffOf(context).SubjectId), ct);
        return TypedResults.Accepted((string?)null, new { status = "Queued", detail = "A full build of the site is queued; it replaces every changed page within a few minutes." });
    }
}
