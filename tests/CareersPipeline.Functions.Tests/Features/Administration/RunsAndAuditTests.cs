using System.Net;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>The admin's view of the long jobs' runs and of the staff access audit trail.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RunsAndAuditTests(AzuriteFixture storage)
{
    private const string Admin = "admin-ics";

    [Fact]
    public async Task TheNationalImport_RecordsItsRun_WithWhoStartedItAndHowItEnded()
    {
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["DFE_VACANCIES_API_KEY"] = string.Empty });
        await app.ResetStaffAsync();

        using var started = await app.SendAsync(Admin, HttpMethod.Post, "/api/manage/national-vacancies/import");
        using var runs = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/runs/national-vacancy-import");
        using var latest = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/runs");
        using var adviser = await app.SendAsync("adviser-amina", HttpMethod.Get, "/api/manage/runs");
        using var unknown = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/runs/everything");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, started.StatusCode);
        var run = (await runs.JsonAsync()).EnumerateArray().First();
        Assert.Equal(Admin, run.GetProperty("startedBy").GetString());
        Assert.Equal("NotConfigured", run.GetProperty("outcome").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, run.GetProperty("finishedAt").ValueKind);
        Assert.Contains((await latest.JsonAsync()).EnumerateArray(), r => r.GetProperty("id").GetString() == run.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, adviser.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task TheAuditTrail_FiltersByPersonStaffAndDate_AndPages()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.ResetStaffAsync();
        var audit = app.Services.GetRequiredService<PersonAccessAudit>();
        var (person, other) = ("a" + Guid.NewGuid().ToString("n"), "a" + Guid.NewGuid().ToString("n"));
        var adviser = new StaffPrincipal("adviser-" + Guid.NewGuid().ToString("n")[..8], "Adviser", new HashSet<StaffRole> { StaffRole.Adviser }, new HashSet<string>());
        var admin = new StaffPrincipal(Admin, "Admin", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());
        for (var i = 0; i < 3; i++)
        {
            await audit.RecordAsync(person, adviser, "ViewMatches", "/api/adviser/people", CancellationToken.None);
        }

        await audit.RecordAsync(person, admin, "Export", "/api/manage/people", CancellationToken.None);
        await audit.RecordAsync(other, adviser, "ViewMatches", "/api/adviser/people", CancellationToken.None);

        using var byPerson = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/audit?applicantId={person}");
        using var byStaff = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/audit?staffId={adviser.SubjectId}");
        using var both = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/audit?applicantId={person}&staffId={adviser.SubjectId}&pageSize=2");
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime);
        using var tomorrow = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/audit?applicantId={person}&from={today.AddDays(1):yyyy-MM-dd}");
        using var bad = await app.SendAsync(Admin, HttpMethod.Get, "/api/manage/audit?from=yesterday&pageSize=5000");
        using var employer = await app.SendAsync("employer-uhnm", HttpMethod.Get, $"/api/manage/audit?applicantId={person}");

        Assert.Equal(4, (await byPerson.JsonAsync()).GetProperty("entries").GetArrayLength());
        var staffEntries = (await byStaff.JsonAsync()).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(4, staffEntries.Count);
        Assert.Equal(2, staffEntries.Select(e => e.GetProperty("record").GetString()).Distinct().Count());
        var firstPage = await both.JsonAsync();
        Assert.Equal(2, firstPage.GetProperty("entries").GetArrayLength());
        var token = firstPage.GetProperty("continuation").GetString();
        using var next = await app.SendAsync(Admin, HttpMethod.Get, $"/api/manage/audit?applicantId={person}&staffId={adviser.SubjectId}&pageSize=2&continuation={Uri.EscapeDataString(token!)}");
        Assert.Equal(1, (await next.JsonAsync()).GetProperty("entries").GetArrayLength());
        Assert.Equal(0, (await tomorrow.JsonAsync()).GetProperty("entries").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("from", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
    }
}
