using System.Net;
using System.Text;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>
/// The admin's pages as a browser with JavaScript off uses them (issue 20, "Done when"): invite an adviser, import schools
/// from a GIAS file with bad rows, add an event its door takes at once; the last-admin rule, stale saves and in-use codes
/// shown as pages; nobody but an admin gets in, and no form passes without its token.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AdminPagesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private const string Admin = "admin-ics";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["DFE_VACANCIES_API_KEY"] = string.Empty });
        await _app.ResetStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Admin_InvitesAnAdviser_ImportsSchools_AddsAnEvent_AndTheDoorTakesItsCodeAtOnce()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        var email = $"new.adviser.{Guid.NewGuid():n}@example.nhs.uk";

        using (var invited = await admin.SubmitAsync("/staff/admin/staff/invite", "/staff/admin/staff/invite", new() { ["email"] = email, ["displayName"] = "Nadia Okafor", ["roles"] = "Adviser" }))
        {
            Assert.Equal(HttpStatusCode.SeeOther, invited.StatusCode);
            Assert.StartsWith("/staff/admin/staff/invite-", invited.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.DoesNotContain("@", invited.Headers.Location.OriginalString, StringComparison.Ordinal);
        }

        var (_, list) = await admin.GetAsync("/staff/admin/staff");
        Assert.Contains("Nadia Okafor", list, StringComparison.Ordinal);
        Assert.Contains("Invited", list, StringComparison.Ordinal);

        var (good, bad) = (Urn(), Urn());
        var csv = $"""
            URN,LA (name),EstablishmentName,EstablishmentStatus (name),PhaseOfEducation (name),Postcode
            {good},Stoke-on-Trent,Sixth Form College Stoke,Open,16 plus,ST4 2RU
            12X45,Staffordshire,Bad Urn School,Open,Primary,ST5 1AA
            {bad},Staffordshire,Shut School,Closed,Primary,ST5 1AB
            """;
        var (_, importPage) = await admin.GetAsync("/staff/admin/reference/schools/import");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(StaffBrowserSession.TokenOf(importPage)), "__RequestVerificationToken" },
            { new StringContent(csv, Encoding.UTF8, "text/csv"), "file", "gias.csv" },
        };
        using (var imported = await admin.PostMultipartAsync("/staff/admin/reference/schools/import", content))
        {
            Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
            var report = await imported.Content.ReadAsStringAsync();
            Assert.Contains("1 added and 0 updated of 3 rows", report, StringComparison.Ordinal);
            Assert.Contains("2 were refused", report, StringComparison.Ordinal);
            Assert.Contains("URN: ", report, StringComparison.Ordinal);
            Assert.Contains("EstablishmentStatus (name): ", report, StringComparison.Ordinal);
        }

        var code = Code("EV");
        using (var added = await admin.SubmitAsync("/staff/admin/reference/events/new", "/staff/admin/reference/events/new", EventForm(code)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        }

        var body = SignUpBodies.Valid(Door.Event);
        body["eventCode"] = code;
        using var door = await _app.PostJsonAsync("/api/signups/event", body);
        Assert.Equal(HttpStatusCode.Accepted, door.StatusCode);
        var school = SignUpBodies.Valid(Door.School);
        school["schoolCode"] = good;
        using var schoolDoor = await _app.PostJsonAsync("/api/signups/school", school);
        Assert.Equal(HttpStatusCode.Accepted, schoolDoor.StatusCode);
    }

    [Fact]
    public async Task Invitation_WithMistakes_ShowsAnErrorSummaryLinkedToTheFields()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        using var response = await admin.SubmitAsync("/staff/admin/staff/invite", "/staff/admin/staff/invite", new() { ["email"] = "not an address", ["displayName"] = "Sam" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("nhsuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#email\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#roles-1\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Sam\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLastAdmin_CannotTakeAwayTheirOwnRoleNorDeactivateThemselves_AndIsToldWhy()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        using var demoted = await admin.SubmitAsync($"/staff/admin/staff/{Admin}", $"/staff/admin/staff/{Admin}", new() { ["displayName"] = "ICS Admin", ["roles"] = "Adviser" });
        using var deactivated = await admin.SubmitAsync($"/staff/admin/staff/{Admin}/deactivate", $"/staff/admin/staff/{Admin}/deactivate", []);

        Assert.Equal(HttpStatusCode.Conflict, demoted.StatusCode);
        Assert.Contains("last active admin", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, deactivated.StatusCode);
        Assert.Contains("last active admin", await deactivated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await _app.Services.GetRequiredService<StaffDirectory>().GetAsync(Admin, CancellationToken.None);
        Assert.True(stored!.Value.IsEffectiveAdmin);
    }

    [Fact]
    public async Task TwoAdminsEditingOneMember_TheSecondSeesTheFirstsChange()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        const string Adviser = "adviser-amina";
        var (_, page) = await admin.GetAsync($"/staff/admin/staff/{Adviser}");
        var version = StaffBrowserSession.FormVersion(page, $"/staff/admin/staff/{Adviser}")!;

        using var first = await admin.SubmitAsync($"/staff/admin/staff/{Adviser}", $"/staff/admin/staff/{Adviser}", new() { ["displayName"] = "Amina Yusuf", ["roles"] = "Adviser", ["version"] = version });
        using var second = await admin.SubmitAsync($"/staff/admin/staff/{Adviser}", $"/staff/admin/staff/{Adviser}", new() { ["displayName"] = "Amina Y.", ["roles"] = "Adviser", ["version"] = version });

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var html = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this first", html, StringComparison.Ordinal);
        Assert.Contains("Amina Yusuf", html, StringComparison.Ordinal);
        Assert.Contains("Amina Y.", html, StringComparison.Ordinal);
        Assert.Equal("Amina Yusuf", (await _app.Services.GetRequiredService<StaffDirectory>().GetAsync(Adviser, CancellationToken.None))!.Value.DisplayName);
    }

    [Fact]
    public async Task DeletingAnEventInUse_SaysRetireInstead_AndRetiringItClosesTheDoor()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        var code = Code("EV");
        using (await admin.SubmitAsync("/staff/admin/reference/events/new", "/staff/admin/reference/events/new", EventForm(code)))
        {
        }

        var body = SignUpBodies.Valid(Door.Event);
        body["eventCode"] = code;
        using (var first = await _app.PostJsonAsync("/api/signups/event", body))
        {
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        }

        var item = $"/staff/admin/reference/events/items/{code}";
        using var delete = await admin.SubmitAsync(item, $"{item}/delete", []);
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("Retire it instead", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var retire = await admin.SubmitAsync(item, $"{item}/retire", []);
        Assert.Equal(HttpStatusCode.SeeOther, retire.StatusCode);
        var (_, retired) = await admin.GetAsync(item);
        Assert.Contains("is retired", retired, StringComparison.Ordinal);
        var again = SignUpBodies.Valid(Door.Event);
        again["eventCode"] = code;
        using var refused = await _app.PostJsonAsync("/api/signups/event", again);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
    }

    [Fact]
    public async Task AnEmployer_IsAddedWithLevyAndSector_AndABadDateOnAnEventIsRefusedOnItsField()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        var employer = Code("ORG");

        using var missing = await admin.SubmitAsync("/staff/admin/reference/employers/new", "/staff/admin/reference/employers/new", new() { ["code"] = employer, ["name"] = "Leek Care Homes" });
        using var added = await admin.SubmitAsync("/staff/admin/reference/employers/new", "/staff/admin/reference/employers/new", new() { ["code"] = employer, ["name"] = "Leek Care Homes", ["levyPayer"] = "false", ["sector"] = "SocialCare" });
        var badDate = EventForm(Code("EV"));
        badDate["date-month"] = "13";
        using var eventWithBadDate = await admin.SubmitAsync("/staff/admin/reference/events/new", "/staff/admin/reference/events/new", badDate);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = await missing.Content.ReadAsStringAsync();
        Assert.Contains("href=\"#levyPayer-1\"", errors, StringComparison.Ordinal);
        Assert.Contains("href=\"#sector-1\"", errors, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, added.StatusCode);
        var stored = await _app.Services.GetRequiredService<ReferenceDataStore>().FindAsync(ReferenceKind.Employer, employer, CancellationToken.None);
        Assert.Equal(OrganisationSector.SocialCare, stored!.Sector);
        Assert.False(stored.LevyPayer);
        Assert.Equal(HttpStatusCode.BadRequest, eventWithBadDate.StatusCode);
        Assert.Contains("href=\"#date-day\"", await eventWithBadDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(await _app.Services.GetRequiredService<ReferenceDataStore>().FindAsync(ReferenceKind.Event, badDate["code"], CancellationToken.None));
    }

    [Fact]
    public async Task Runs_StartTheNationalImportFromThePage_AndShowItsResult()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        using var started = await admin.SubmitAsync("/staff/admin/runs", "/staff/admin/runs/national-vacancy-import", []);

        Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
        var (response, html) = await admin.GetAsync(started.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Not configured", html, StringComparison.Ordinal);
        Assert.Contains(Admin, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_FiltersByPerson_AndABadDateIsShownOnItsField()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        var person = "a" + Guid.NewGuid().ToString("n");
        var adviser = new StaffPrincipal("adviser-" + Guid.NewGuid().ToString("n")[..8], "Audit Adviser", new HashSet<StaffRole> { StaffRole.Adviser }, new HashSet<string>());
        await _app.Services.GetRequiredService<PersonAccessAudit>().RecordAsync(person, adviser, "ViewMatches", "/api/adviser/people", CancellationToken.None);

        var (found, html) = await admin.GetAsync($"/staff/admin/audit?applicantId={person}");
        var (bad, badHtml) = await admin.GetAsync("/staff/admin/audit?from=yesterday");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains("ViewMatches", html, StringComparison.Ordinal);
        Assert.Contains(adviser.SubjectId, html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("href=\"#from\"", badHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsAdminsTheirCardsAndNavigation_AndNobodyElse()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        using var adviser = await StaffBrowserSession.SignInAsync(_app, "adviser-amina");

        var (_, adminHome) = await admin.GetAsync("/staff/");
        var (_, adviserHome) = await adviser.GetAsync("/staff/");
        var (hub, _) = await admin.GetAsync("/staff/admin");

        Assert.Contains("href=\"/staff/admin\"", adminHome, StringComparison.Ordinal);
        Assert.Contains("Invitations waiting", adminHome, StringComparison.Ordinal);
        Assert.DoesNotContain("/staff/admin", adviserHome, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, hub.StatusCode);
    }

    public static TheoryData<string> Pages() =>
    [
        "/staff/admin/staff", "/staff/admin/staff/invite", $"/staff/admin/staff/{Admin}", $"/staff/admin/staff/{Admin}/deactivate",
        "/staff/admin/reference", "/staff/admin/reference?kind=employers", "/staff/admin/reference/events/new", "/staff/admin/reference/employers/items/UHNM",
        "/staff/admin/reference/schools/import", "/staff/admin/runs", "/staff/admin/audit", "/staff/admin/queues",
    ];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryAdminPage_IsForAdminsOnly(string path)
    {
        using var anonymous = new StaffBrowserSession(_app);
        using var employer = await StaffBrowserSession.SignInAsync(_app, "employer-uhnm");
        using var adviser = await StaffBrowserSession.SignInAsync(_app, "adviser-amina");
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        var (toSignIn, _) = await anonymous.GetAsync(path);
        var (asEmployer, employerHtml) = await employer.GetAsync(path);
        var (asAdviser, _) = await adviser.GetAsync(path);
        var (asAdmin, _) = await admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, toSignIn.StatusCode);
        Assert.StartsWith("/dev/sign-in?returnUrl=", toSignIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asEmployer.StatusCode);
        Assert.DoesNotContain("Amina Yusuf", employerHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asAdviser.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
    }

    public static TheoryData<string> Forms() =>
    [
        "/staff/admin/staff/invite", "/staff/admin/staff/adviser-amina", "/staff/admin/staff/adviser-amina/deactivate",
        "/staff/admin/reference/events/new", "/staff/admin/reference/employers/items/UHNM", "/staff/admin/reference/employers/items/UHNM/retire",
        "/staff/admin/reference/employers/items/UHNM/delete", "/staff/admin/reference/schools/import",
        "/staff/admin/runs/site-rebuild", "/staff/admin/runs/national-vacancy-import",
    ];

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task EveryAdminForm_WithoutItsToken_IsRefused_AndNonAdminsAreRefusedWithIt(string action)
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);
        using var adviser = await StaffBrowserSession.SignInAsync(_app, "adviser-amina");
        using var anonymous = new StaffBrowserSession(_app);

        using var noToken = await admin.SubmitAsync("/staff/admin/staff", action, new() { ["displayName"] = "Changed", ["roles"] = "Employer" }, withToken: false);
        using var asAdviser = await adviser.SubmitAsync("/staff/", action, new() { ["displayName"] = "Changed", ["roles"] = "Employer" });
        using var asNobody = await anonymous.PostAsync(action, []);

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asAdviser.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, asNobody.StatusCode);
        var amina = await _app.Services.GetRequiredService<StaffDirectory>().GetAsync("adviser-amina", CancellationToken.None);
        Assert.True(amina!.Value.Active);
        Assert.Equal([StaffRole.Adviser], amina.Value.Roles);
        Assert.Equal(ReferenceStatus.Open, (await _app.Services.GetRequiredService<ReferenceDataStore>().FindAsync(ReferenceKind.Employer, "UHNM", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task AGuessedStaffIdOrCode_IsNotFound()
    {
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        var (staff, _) = await admin.GetAsync("/staff/admin/staff/nobody-here");
        var (code, _) = await admin.GetAsync("/staff/admin/reference/events/items/NO-SUCH-CODE");
        var (kind, _) = await admin.GetAsync("/staff/admin/reference/people/new");

        Assert.Equal(HttpStatusCode.NotFound, staff.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, code.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, kind.StatusCode);
    }

    private static Dictionary<string, string> EventForm(string code) => new()
    {
        ["code"] = code,
        ["name"] = "Leek careers evening",
        ["postcode"] = "ST13 6DP",
        ["detail"] = "Leek Town Hall, 6pm",
        ["date-day"] = "4",
        ["date-month"] = "3",
        ["date-year"] = "2027",
    };

    private static string Code(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..20].ToUpperInvariant();

    [Fact]
    public async Task ReferenceList_ShowsOnePageInCodeOrder_WithTheNextPageAndAGoToCodeBox()
    {
        // Codes of our own, sorted together, so other tests' schools in the shared storage do not move the pages.
        var prefix = "ZP" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant() + "-";
        var schools = Enumerable.Range(0, 60).Select(n => new ReferenceItem(ReferenceKind.School, $"{prefix}{n:000}", $"Paged school {n:000}", "ST4 6QG", "Secondary")).ToList();
        await _app.Services.GetRequiredService<ReferenceDataStore>().MergeManyAsync(schools, CancellationToken.None);
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        var (_, first) = await admin.GetAsync($"/staff/admin/reference?kind=schools&from={prefix}");

        Assert.Contains($"{prefix}000", first, StringComparison.Ordinal);
        Assert.Contains($">{prefix}049</td>", first, StringComparison.Ordinal);
        Assert.DoesNotContain($">{prefix}050</td>", first, StringComparison.Ordinal);
        Assert.Contains($"from={prefix}050\"", first, StringComparison.Ordinal);
        Assert.Contains("First page", first, StringComparison.Ordinal);

        var (_, second) = await admin.GetAsync($"/staff/admin/reference?kind=schools&from={prefix}050");
        Assert.Contains($">{prefix}059</td>", second, StringComparison.Ordinal);
        Assert.DoesNotContain($">{prefix}049</td>", second, StringComparison.Ordinal);
    }

    private static string Urn() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
