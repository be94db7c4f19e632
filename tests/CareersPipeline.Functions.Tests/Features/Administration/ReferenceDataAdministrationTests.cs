using System.Net;
using System.Text;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>Admins keeping the codes the public doors check: add, import, retire, delete, and what the doors then say.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ReferenceDataAdministrationTests(AzuriteFixture storage)
{
    private const string Admin = "admin-ics";

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("adviser-amina", HttpStatusCode.Forbidden)]
    [InlineData("employer-uhnm", HttpStatusCode.Forbidden)]
    public async Task NonAdmins_CannotAddCodes(string? staffId, HttpStatusCode expected)
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        var code = Code("EV");

        using var response = await app.SendAsync(staffId, HttpMethod.Post, "/api/manage/reference/events", Event(code));

        Assert.Equal(expected, response.StatusCode);
        using var read = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/reference/events/{code}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact]
    public async Task AnAddedEvent_IsTakenAtTheEventDoorAtOnce()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        var code = Code("EV");

        using var added = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/events", Event(code));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal($"/api/manage/reference/events/{code}", added.Headers.Location!.ToString());

        var body = SignUpBodies.Valid(Door.Event);
        body["eventCode"] = code.ToLowerInvariant();
        using var signUp = await app.PostJsonAsync("/api/signups/event", body);
        Assert.Equal(HttpStatusCode.Accepted, signUp.StatusCode);
    }

    [Fact]
    public async Task ARetiredEvent_IsRefusedClearlyAtTheDoorAndOnTheSiteForm_AndCannotBeDeleted()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        var code = Code("EV");
        using var added = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/events", Event(code));
        var body = SignUpBodies.Valid(Door.Event);
        body["eventCode"] = code;
        using var first = await app.PostJsonAsync("/api/signups/event", body);
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        using var missingVersion = await app.SendAsync(Admin, HttpMethod.Post, $"/api/manage/reference/events/{code}/retire");
        using var retired = await app.SendAsync(Admin, HttpMethod.Post, $"/api/manage/reference/events/{code}/retire", ifMatch: added.Headers.ETag!.ToString());
        Assert.Equal((HttpStatusCode)428, missingVersion.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal("Retired", (await retired.JsonAsync()).GetProperty("status").GetString());

        var again = SignUpBodies.Valid(Door.Event);
        again["eventCode"] = code;
        using var refused = await app.PostJsonAsync("/api/signups/event", again);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.JsonAsync();
        Assert.Equal("eventCode", problem.GetProperty("field").GetString());
        Assert.Contains("no longer taking sign-ups", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var form = await app.Http.PostAsync("/api/site/signups/event", new FormUrlEncodedContent(EventForm(code)));
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("This event is no longer taking sign-ups", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // In use (a sign-up names it): deleting is refused with the advice to retire.
        using var delete = await app.SendAsync(Admin, HttpMethod.Delete, $"/api/manage/reference/events/{code}", ifMatch: retired.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Contains("Retire it instead", await delete.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnusedCode_IsDeleted_OnlyAtItsCurrentVersion()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        var code = Code("VWE");
        using var added = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/programmes", new { code, name = "Radiography taster", detail = "Online, 3 weeks" });
        var version = added.Headers.ETag!.ToString();
        using var changed = await app.SendAsync(Admin, HttpMethod.Put, $"/api/manage/reference/programmes/{code}", new { name = "Radiography taster week", detail = "Online" }, ifMatch: version);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        using var stale = await app.SendAsync(Admin, HttpMethod.Delete, $"/api/manage/reference/programmes/{code}", ifMatch: version);
        using var deleted = await app.SendAsync(Admin, HttpMethod.Delete, $"/api/manage/reference/programmes/{code}", ifMatch: changed.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    [Fact]
    public async Task Employers_NeedLevyAndSector_AndOneWithStaffIsInUse()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();

        using var bad = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/employers", new { code = Code("ORG"), name = "Leek Community Care", sector = "Retail" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("levyPayer", out _));
        Assert.True(errors.TryGetProperty("sector", out _));

        var code = Code("ORG");
        using var added = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/employers", new { code, name = "Leek Community Care", postcode = "st13 5aa", levyPayer = false, sector = "Vcse" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var view = await added.JsonAsync();
        Assert.Equal("ST13 5AA", view.GetProperty("postcode").GetString());
        Assert.Equal("Vcse", view.GetProperty("sector").GetString());

        using var uhnm = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/reference/employers/UHNM");
        using var delete = await app.SendAsync(Admin, HttpMethod.Delete, "/api/manage/reference/employers/UHNM", ifMatch: uhnm.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
    }

    [Fact]
    public async Task GiasImport_AddsGoodRows_ReportsEveryBadRowWithItsReason_AndNeverReopensARetiredSchool()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        var (a, b, retired) = (Urn(), Urn(), Urn());
        using var seeded = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/schools", new { code = retired, name = "Old Academy", postcode = "ST1 1AA" });
        await app.SendAsync(Admin, HttpMethod.Post, $"/api/manage/reference/schools/{retired}/retire", ifMatch: seeded.Headers.ETag!.ToString());

        var csv = $"""
            URN,LA (name),EstablishmentName,EstablishmentStatus (name),PhaseOfEducation (name),Postcode
            {a},Stoke-on-Trent,Sixth Form College Stoke,Open,16 plus,ST4 2RU
            {b},Staffordshire,"Leek High School, The",Open,Secondary,st13 8dw
            12X45,Staffordshire,Bad Urn School,Open,Primary,ST5 1AA
            {Urn()},Staffordshire,,Open,Primary,ST5 1AA
            {Urn()},Staffordshire,No Postcode Primary,Open,Primary,NOT A POSTCODE
            {Urn()},Staffordshire,Shut School,Closed,Primary,ST5 1AB
            {a},Stoke-on-Trent,Duplicate Row,Open,16 plus,ST4 2RU
            {retired},Stoke-on-Trent,Old Academy (renamed),Open,Secondary,ST1 1AA
            """;

        using var response = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/schools/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(2, report.GetProperty("added").GetInt32());
        Assert.Equal(1, report.GetProperty("updated").GetInt32());
        Assert.Equal(5, report.GetProperty("refused").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([2, 3, 4, 5, 6, 7, 8, 9], rows.Select(r => r.GetProperty("line").GetInt32()));
        Assert.True(rows[2].GetProperty("errors").TryGetProperty("URN", out _));
        Assert.True(rows[3].GetProperty("errors").TryGetProperty("EstablishmentName", out _));
        Assert.True(rows[4].GetProperty("errors").TryGetProperty("Postcode", out _));
        Assert.True(rows[5].GetProperty("errors").TryGetProperty("EstablishmentStatus (name)", out _));
        Assert.Contains("earlier row", rows[6].GetProperty("errors").GetProperty("URN")[0].GetString(), StringComparison.Ordinal);

        using var leek = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/reference/schools/{b}");
        var school = await leek.JsonAsync();
        Assert.Equal("Leek High School, The", school.GetProperty("name").GetString());
        Assert.Equal("Secondary", school.GetProperty("detail").GetString());
        Assert.Equal("ST13 8DW", school.GetProperty("postcode").GetString());
        using var old = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/reference/schools/{retired}");
        var oldSchool = await old.JsonAsync();
        Assert.Equal("Old Academy (renamed)", oldSchool.GetProperty("name").GetString());
        Assert.Equal("Retired", oldSchool.GetProperty("status").GetString());

        var signUp = SignUpBodies.Valid(Door.School);
        signUp["schoolCode"] = a;
        using var door = await app.PostJsonAsync("/api/signups/school", signUp);
        Assert.Equal(HttpStatusCode.Accepted, door.StatusCode);
    }

    [Fact]
    public async Task GiasImport_WithoutTheGiasColumns_IsRefusedWhole()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();

        using var response = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/reference/schools/import", new StringContent("code,name\nX1,Somewhere\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("EstablishmentName", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Code(string prefix) => $"{prefix}-{Guid.NewGuid():n}"[..20].ToUpperInvariant();

    private static string Urn() => Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static object Event(string code) => new { code, name = "Leek careers evening", postcode = "ST13 6DP", detail = "Leek Town Hall", date = "2027-03-04" };

    private static Dictionary<string, string> EventForm(string code) => new()
    {
        ["preferredLanguage"] = "en",
        ["consents.wordingVersion"] = "2026-09",
        ["firstName"] = "Amira",
        ["lastName"] = "Haddad",
        ["email"] = SignUpBodies.UniqueEmail("form"),
        ["phone"] = string.Empty,
        ["dateOfBirth-day"] = "9",
        ["dateOfBirth-month"] = "3",
        ["dateOfBirth-year"] = "1994",
        ["postcode"] = "ST4 6QG",
        ["currentSituation"] = "Unemployed",
        ["qualificationLevel"] = "Level3",
        ["rightToWork"] = "Yes",
        ["consents.contact"] = "yes",
        ["consents.marketing"] = "no",
        ["eventCode"] = code,
        ["careerInterests"] = "Nursing",
    };
}
