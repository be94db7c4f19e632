using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>Advisers see at a glance which openings fit the people on their caseload, and only theirs.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class AdviserMatchingTests(AzuriteFixture storage) : IDisposable
{
    private const string OtherAdviser = "adviser-other";
    private readonly MatchingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Caseload_ShowsEachPersonsBestMatches_AndTheirMatchesInFull()
    {
        await using var app = await StartAsync();
        var opportunity = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 3)));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], verify: false);
        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity), "the match");

        using (var added = await app.SendAsStaffAsync(Adviser, HttpMethod.Put, $"/api/adviser/caseload/{id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        }

        using var caseload = await app.SendAsStaffAsync(Adviser, HttpMethod.Get, "/api/adviser/caseload");
        var person = (await caseload.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(p => p.GetProperty("applicantId").GetString() == id);
        Assert.Equal("Olena", person.GetProperty("firstName").GetString());
        var top = person.GetProperty("topMatches").EnumerateArray().ToList();
        Assert.InRange(top.Count, 1, 3);
        Assert.Contains(top, m => m.GetProperty("match").GetProperty("candidateId").GetString() == opportunity
            && m.GetProperty("explanation").GetString()!.StartsWith("3 miles away; matches your interest in nursing", StringComparison.Ordinal));

        using var matches = await app.SendAsStaffAsync(Adviser, HttpMethod.Get, $"/api/adviser/people/{id}/matches");
        Assert.Equal(HttpStatusCode.OK, matches.StatusCode);
        Assert.Equal("CareerChangerOrUnemployed", (await matches.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("route").GetString());
    }

    [Fact]
    public async Task AnotherAdvisersPerson_IsForbidden_UnknownIsNotFound_AndEmployersAreRefused()
    {
        await using var app = await StartAsync();
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], verify: false);
        using (await app.SendAsStaffAsync(Adviser, HttpMethod.Put, $"/api/adviser/caseload/{id}"))
        {
        }

        using var other = await app.SendAsStaffAsync(OtherAdviser, HttpMethod.Get, $"/api/adviser/people/{id}/matches");
        using var unknown = await app.SendAsStaffAsync(Adviser, HttpMethod.Get, $"/api/adviser/people/a{new string('0', 24)}/matches");
        using var employer = await app.SendAsStaffAsync(Employer, HttpMethod.Get, $"/api/adviser/people/{id}/matches");
        using var admin = await app.SendAsStaffAsync(Admin, HttpMethod.Get, $"/api/adviser/people/{id}/matches");
        using var nobody = await app.SendAsStaffAsync(null, HttpMethod.Get, "/api/adviser/caseload");

        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, employer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
    }

    [Fact]
    public async Task Adviser_ChangesAPersonsTravelDistance_AndTheyAreMatchedAgain_Audited()
    {
        await using var app = await StartAsync();
        var opportunity = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 30)));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], verify: false);
        await WaitForRecordAsync(app, id, r => r.ComputedAt is not null, "the first matching");
        using (await app.SendAsStaffAsync(Adviser, HttpMethod.Put, $"/api/adviser/caseload/{id}"))
        {
        }

        using var changed = await app.SendAsStaffAsync(Adviser, HttpMethod.Put, $"/api/adviser/people/{id}/match-preferences", JsonContent.Create(new { travelMiles = 35 }));
        using var invalid = await app.SendAsStaffAsync(Adviser, HttpMethod.Put, $"/api/adviser/people/{id}/match-preferences", JsonContent.Create(new { travelMiles = 0 }));

        Assert.Equal(HttpStatusCode.Accepted, changed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity), "matching with the wider distance");
        using var audit = await app.SendAsStaffAsync(Admin, HttpMethod.Get, $"/api/manage/people/{id}/audit");
        var actions = (await audit.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("add-to-caseload", actions);
        Assert.Contains("change-match-preferences", actions);
    }

    private async Task<TestApp> StartAsync()
    {
        var app = await _world.StartAsync(storage);
        await app.Services.GetRequiredService<StaffDirectory>().UpsertAsync(
            new StaffPrincipal(OtherAdviser, "Another adviser", new HashSet<StaffRole> { StaffRole.Adviser }, new HashSet<string>()), CancellationToken.None);
        return app;
    }
}
