using System.Net;
using System.Text.Json;
using CareersPipeline.Functions.Tests.Infrastructure;
using static CareersPipeline.Functions.Tests.Features.Caseloads.CaseloadKit;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>The case management API over HTTP: roles, If-Match (428 without, 412 stale), teams, and the CSV export.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CaseloadApiTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedTeamsAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Adviser_TakesLogsAndRecords_WithIfMatch_AndAStaleVersionIsRefused()
    {
        var id = await _app.PersonAsync();
        using (var take = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/triage/{id}/take"))
        {
            Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        }

        var etag = await _app.ETagAsync(NorthA, $"/api/caseload/cases/{id}");
        var intervention = new { type = "InterviewPreparation", minutes = 40, notes = "Mock interview" };

        using var noIfMatch = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/cases/{id}/interventions", intervention);
        using var logged = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/cases/{id}/interventions", intervention, etag);
        using var stale = await _app.SendAsStaffAsync(NorthLead, HttpMethod.Put, $"/api/caseload/cases/{id}/next-action", new { action = "Call", due = "2030-01-01" }, etag);

        Assert.Equal(HttpStatusCode.PreconditionRequired, noIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, logged.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("interview preparation", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtherTeam_Employer_AndAnonymous_GetNothing_ForAGuessedId()
    {
        var id = await _app.PersonAsync();
        using (var take = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/triage/{id}/take"))
        {
            Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        }

        var etag = await _app.ETagAsync(NorthA, $"/api/caseload/cases/{id}");

        using var south = await _app.SendAsStaffAsync(South, HttpMethod.Get, $"/api/caseload/cases/{id}");
        using var southEdit = await _app.SendAsStaffAsync(South, HttpMethod.Put, $"/api/caseload/cases/{id}/status", new { status = "OnHold" }, etag);
        using var employer = await _app.SendAsStaffAsync(Employer, HttpMethod.Get, $"/api/caseload/cases/{id}");
        using var anonymous = await _app.SendAsStaffAsync(null, HttpMethod.Get, $"/api/caseload/cases/{id}");
        using var southList = await _app.SendAsStaffAsync(South, HttpMethod.Get, "/api/caseload/cases");

        Assert.Equal(HttpStatusCode.NotFound, south.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, southEdit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.DoesNotContain(id, await southList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lead_AssignsFromTriage_WithinTheTeamOnly_AndOnlyAdminsSetTeams()
    {
        var id = await _app.PersonAsync();
        var other = await _app.PersonAsync();

        using var toTeammate = await _app.SendAsStaffAsync(NorthLead, HttpMethod.Put, $"/api/caseload/cases/{id}/owner", new { ownerId = NorthB });
        using var toOtherTeam = await _app.SendAsStaffAsync(NorthLead, HttpMethod.Put, $"/api/caseload/cases/{other}/owner", new { ownerId = South });
        using var adviserSetsTeam = await _app.SendAsStaffAsync(NorthA, HttpMethod.Put, $"/api/caseload/teams/{NorthA}", new { team = "south", lead = true });
        using var adminSetsTeam = await _app.SendAsStaffAsync(Admin, HttpMethod.Put, "/api/caseload/teams/case-extra", new { team = "north" });

        Assert.Equal(HttpStatusCode.OK, toTeammate.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, toOtherTeam.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adviserSetsTeam.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminSetsTeam.StatusCode);
        using var b = await _app.SendAsStaffAsync(NorthB, HttpMethod.Get, $"/api/caseload/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
    }

    [Fact]
    public async Task CaseloadCsv_DefusesAFormulaTypedAsAName()
    {
        var id = await _app.PersonAsync(firstName: "=HYPERLINK(\"http://evil.example\")");
        using (var take = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/triage/{id}/take"))
        {
            Assert.Equal(HttpStatusCode.OK, take.StatusCode);
        }

        using var csv = await _app.SendAsStaffAsync(NorthA, HttpMethod.Get, "/api/caseload/cases.csv");
        var text = await csv.Content.ReadAsStringAsync();

        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\")\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counts_SeparateEngagedFromCaseManaged()
    {
        using var before = await _app.SendAsStaffAsync(NorthA, HttpMethod.Get, "/api/caseload/counts");
        var engagedBefore = JsonDocument.Parse(await before.Content.ReadAsStringAsync()).RootElement.GetProperty("engaged").GetInt32();
        var id = await _app.PersonAsync();

        using var engaged = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/people/{id}/engaged", new { activity = "Jobcentre Plus information session" });
        using var after = await _app.SendAsStaffAsync(NorthA, HttpMethod.Get, "/api/caseload/counts");

        Assert.Equal(HttpStatusCode.OK, engaged.StatusCode);
        Assert.Equal(engagedBefore + 1, JsonDocument.Parse(await after.Content.ReadAsStringAsync()).RootElement.GetProperty("engaged").GetInt32());
    }

    [Fact]
    public async Task EveryCaseloadAction_IsInTheOpenApiDocument()
    {
        using var response = await _app.Http.GetAsync("/api/openapi/v1.json");
        var document = await response.Content.ReadAsStringAsync();

        foreach (var path in new[] { "/api/caseload/triage", "/api/caseload/triage/{applicantId}/take", "/api/caseload/cases/{applicantId}/interventions", "/api/caseload/cases/{applicantId}/outcomes", "/api/caseload/cases/{applicantId}/route", "/api/caseload/cases/{applicantId}/status", "/api/caseload/cases/{applicantId}/next-action", "/api/caseload/cases/{applicantId}/owner", "/api/caseload/people/{applicantId}/engaged", "/api/caseload/cases.csv", "/api/caseload/counts", "/api/caseload/partners", "/api/caseload/partners/{code}", "/api/caseload/partners/{code}/revoke", "/api/referrals/{token}", "/api/caseload/registrations" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }
}
