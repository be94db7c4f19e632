using System.Text.Json.Nodes;
using AngleSharp.Dom;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Web.Pages;
using CareersPipeline.Web.Rendering;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>
/// The function app's own pages (behind links in emails, and the local developer pages) through the site's renderer:
/// the site's layout and stable stylesheet, what each page model shows, and everything from data HTML-encoded.
/// </summary>
public sealed class AppPageTests : IAsyncDisposable
{
    private const string Script = "<script>alert(1)</script>";
    private static readonly SiteOptions Options = new() { SiteBaseUrl = "https://site.example", ApiBaseUrl = "https://api.example" };
    private readonly RazorSiteRenderer _renderer = new(Microsoft.Extensions.Options.Options.Create(Options));

    [Fact]
    public async Task MessagePage_HasTheSiteLayout_NoReferrer_AndTheStableStylesheet()
    {
        var page = await RenderAsync(new MessagePage("Confirm your email address", ["Confirm it is you."], new LinkAction("?token=a%2Bb", "Confirm my email address")));

        Assert.Equal("Confirm your email address", page.QuerySelector("main h1")!.TextContent);
        Assert.StartsWith("Confirm your email address - ", page.Title, StringComparison.Ordinal);
        Assert.Equal("no-referrer", page.QuerySelector("meta[name=referrer]")!.GetAttribute("content"));
        Assert.Equal("https://site.example/css/site.css", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("header.nhsuk-header"));
        Assert.Null(page.QuerySelector("main[data-pagefind-body]"));
        var form = page.QuerySelector("main form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("?token=a%2Bb", form.GetAttribute("action"));
        Assert.Equal("Confirm my email address", form.QuerySelector("button[type=submit]")!.TextContent);
    }

    [Fact]
    public async Task MessagePage_EncodesWhatItIsGiven()
    {
        var html = await _renderer.RenderAsync(new MessagePage("Give consent", [$"{Script} has asked to hear about health and care careers."]), Options.DynamicLinks, CancellationToken.None);

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Contains(Script, Html.Parse(html).QuerySelector("main p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MatchesPage_ShowsEachMatchAsAnOpportunityCard_WithButtonsThatPostWithTheToken()
    {
        var matches = new MatchesView(
            Script,
            JourneyRoute.InEducation,
            Placed: false,
            [
                new MatchItem(Match("opp-1", $"Nursing apprentice {Script}"), "It is about nursing", Saved: false),
                new MatchItem(Match("opp-2", "Porter"), "It is near you", Saved: true),
            ],
            [new SavedItem("opp-3", "Pharmacy assistant", "Royal Stoke", new DateOnly(2027, 1, 31))],
            new MatchPreferences(12, DrivingLicence: false, DefaultTravelMiles: 10),
            new Dictionary<MatchExclusion, int> { [MatchExclusion.TooYoung] = 2 },
            MatchEmails: false,
            new DateTimeOffset(2026, 12, 1, 2, 30, 0, TimeSpan.Zero));

        var html = await _renderer.RenderAsync(new MatchesPage(matches, "?token=t"), Options.DynamicLinks, CancellationToken.None);
        var page = Html.Parse(html);

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal($"Your matches, {Script}", page.QuerySelector("main h1")!.TextContent);
        Assert.NotNull(page.QuerySelector(".nhsuk-warning-callout"));
        Assert.Contains("(last looked 1 December 2026 at 02:30 UTC)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var first = page.QuerySelector("li.nhsuk-card#m-opp-1")!;
        Assert.Equal("https://site.example/opportunities/opp-1/", first.QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Equal("Apprenticeship", first.QuerySelector(".nhsuk-tag")!.TextContent);
        Assert.Contains("Why it fits: It is about nursing.", first.TextContent, StringComparison.Ordinal);
        Assert.Equal(("https://api.example/api/matches/saved/opp-1?token=t", "Save, and remind me before it closes"), Button(first));
        Assert.Equal(("https://api.example/api/matches/saved/opp-2/remove?token=t", "Saved: stop saving"), Button(page.QuerySelector("li#m-opp-2")!));
        Assert.Contains("Pharmacy assistant, Royal Stoke: closes 31 January 2027", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 openings", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var preferences = page.QuerySelector("form[action='https://api.example/api/matches/preferences?token=t']")!;
        Assert.Equal("12", preferences.QuerySelector("input[name=travelMiles]")!.GetAttribute("value"));
        Assert.Contains("The usual distance for people in education is 10 miles.", preferences.TextContent, StringComparison.Ordinal);
        Assert.Equal("no", preferences.QuerySelector("input[name=drivingLicence][checked]")!.GetAttribute("value"));
        Assert.Equal("Save and match me again", preferences.QuerySelector("button")!.TextContent);
        Assert.Contains(page.QuerySelectorAll("main form"), f => Button(f) == ("https://api.example/api/matches/resubscribe?token=t", "Email me about matches again"));
    }

    [Fact]
    public async Task ManagePrivacyPage_ForAPerson_OffersWithdrawalOfWhatTheyAgreedTo_TheirDataAndErasure()
    {
        var manage = new ManageView("Olena", PrivacyLinkHolder.Person, UnderSixteen: false,
        [
            new ManagedConsent(ConsentPurpose.Contact, Granted: true, DateTimeOffset.UnixEpoch),
            new ManagedConsent(ConsentPurpose.Marketing, Granted: false, null),
        ]);

        var page = await RenderAsync(new ManagePrivacyPage(manage, "?token=t", "https://api.example/api/signups/a1/equality?token=e", "https://api.example/api/privacy/notice"));

        Assert.Equal(
            [("https://api.example/api/privacy/consents/Contact/withdraw?token=t", "Withdraw"), ("https://api.example/api/privacy/sign-out-everywhere?token=t", "Sign out everywhere")],
            page.QuerySelectorAll("main form").Select(Button));
        var links = page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("https://api.example/api/privacy/my-data?token=t&format=html", links);
        Assert.Contains("https://api.example/api/privacy/my-data?token=t&format=json", links);
        Assert.Contains("https://api.example/api/signups/a1/equality?token=e", links);
        Assert.Contains("https://api.example/api/privacy/erase?token=t", links);
        Assert.Contains("https://api.example/api/privacy/notice", links);
    }

    [Fact]
    public async Task ManagePrivacyPage_ForAGuardian_OnlyOffersToWithdrawTheirConsent()
    {
        var manage = new ManageView(null, PrivacyLinkHolder.Guardian, UnderSixteen: true, []);

        var html = await _renderer.RenderAsync(new ManagePrivacyPage(manage, "?token=t", null, "https://api.example/api/privacy/notice"), Options.DynamicLinks, CancellationToken.None);
        var page = Html.Parse(html);

        Assert.Contains("parent or guardian whose email address was given", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([("https://api.example/api/privacy/consents/GuardianConsent/withdraw?token=t", "Withdraw consent and delete the details")], page.QuerySelectorAll("main form").Select(Button));
        Assert.DoesNotContain("my-data", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EqualityFormPage_AsksEveryQuestion_WithEveryAnswerOptional()
    {
        var page = await RenderAsync(new EqualityFormPage("?token=t"));

        var form = page.QuerySelector("main form[method=post]")!;
        Assert.Equal("?token=t", form.GetAttribute("action"));
        Assert.Equal(["ethnicity", "disability", "religion", "sex", "genderSameAsSexAtBirth", "sexualOrientation", "ageBand"], form.QuerySelectorAll("select").Select(s => s.GetAttribute("name")));
        Assert.All(form.QuerySelectorAll("select"), s => Assert.Equal(("", "Not answered"), (s.QuerySelector("option")!.GetAttribute("value"), s.QuerySelector("option")!.TextContent)));
        Assert.All(form.QuerySelectorAll("select"), s => Assert.NotNull(form.QuerySelector($"label[for='{s.Id}']")));
        Assert.Contains(form.QuerySelectorAll("select[name=ageBand] option"), o => o.GetAttribute("value") == "From16To17" && o.TextContent == "From 16 To 17");
    }

    [Fact]
    public async Task SubjectAccessPage_ShowsEverySectionByItsPlainHeading_ListsAsTables_AndEncodesTheData()
    {
        var export = new JsonObject
        {
            ["about"] = "Everything we hold about you.",
            ["controller"] = "NHS Example Integrated Care Board",
            ["generatedAt"] = "2026-12-01T02:30:00+00:00",
            ["privacyNotice"] = "https://api.example/api/privacy/notice",
            ["data"] = new JsonObject
            {
                ["signUps"] = new JsonArray(new JsonObject { ["firstName"] = Script, ["notes"] = "line one\nline two" }),
                ["equalityMonitoring"] = new JsonObject { ["religion"] = "Jewish" },
                ["emails"] = new JsonArray(),
                ["custom"] = new JsonArray("a", 2),
            },
        };

        var html = await _renderer.RenderAsync(new SubjectAccessPage(SubjectAccessReport.From(export)), Options.DynamicLinks, CancellationToken.None);
        var page = Html.Parse(html);

        Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
        Assert.Equal("The information we hold about you", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal(["Your sign-ups", "Equality monitoring answers", "Emails we sent", "custom"], page.QuerySelectorAll("main section h2").Select(h => h.TextContent));
        var table = page.QuerySelector("main section table")!;
        Assert.Equal(["firstName", "notes"], table.QuerySelectorAll("th").Select(th => th.TextContent));
        Assert.Equal(Script, table.QuerySelector("td")!.TextContent);
        Assert.NotNull(table.QuerySelector("td br"));
        Assert.Equal(("religion", "Jewish"), (page.QuerySelector("main dl dt")!.TextContent, page.QuerySelector("main dl dd")!.TextContent));
        Assert.Contains("None held.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["a", "2"], page.QuerySelectorAll("main section ul li").Select(li => li.TextContent));
        Assert.Contains("Data controller: NHS Example Integrated Care Board.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalPages_ListTheOutboxAndTheStaff_Encoded()
    {
        var item = new OutboxItem("e1", DateTimeOffset.UnixEpoch, "olena@example.org", $"Hello {Script}", "<p>Body</p>", "Body", EmailKind.Confirmation, "a1");
        var outbox = await _renderer.RenderAsync(new LocalOutboxPage([item]), Options.DynamicLinks, CancellationToken.None);
        var signIn = await RenderAsync(new LocalSignInPage("X-Dev-User", [new StaffPrincipal("dev-admin", "Ada", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>())], new Web.Pages.Staff.FormToken("__RequestVerificationToken", "t")));
        var home = await RenderAsync(new LocalHomePage());

        Assert.DoesNotContain(Script, outbox, StringComparison.Ordinal);
        Assert.Equal($"Hello {Script}", Html.Parse(outbox).QuerySelector("main a[href='/dev/outbox/e1']")!.TextContent);
        Assert.Equal("Ada", signIn.QuerySelector("main label[for='subjectId']")!.TextContent);
        Assert.Contains("dev-admin", signIn.QuerySelector("#subjectId-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("running locally", home.QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _renderer.DisposeAsync();

    private async Task<IDocument> RenderAsync(AppPage page) => Html.Parse(await _renderer.RenderAsync(page, Options.DynamicLinks, CancellationToken.None));

    private static (string? Action, string Label) Button(IElement within) =>
        (within.QuerySelector("form")?.GetAttribute("action") ?? within.GetAttribute("action"), within.QuerySelector("button")!.TextContent);

    private static Match Match(string id, string title) =>
        new(id, CandidateKind.Apprenticeship, title, "Royal Stoke", CareerFamily.Nursing, 80, new MatchScore(30, 20, 15, 10, 5), 2.5, new DateOnly(2027, 1, 31), "explained");
}
