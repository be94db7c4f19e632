using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>A person is matched when their sign-up is processed, and again when they change what they are matched on.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PersonMatchingTests(AzuriteFixture storage) : IDisposable
{
    private readonly MatchingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task SignUp_NearAnOpenApprenticeship_IsMatchedWithTheReason_AndAlertedOnlyOnceVerified()
    {
        await using var app = await _world.StartAsync(storage);
        var apprenticeship = await PublishAsync(app, OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesNorth: 2), level: 3));

        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], verify: false, b => b["qualificationLevel"] = "Level2");

        var record = await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == apprenticeship), "the apprenticeship to be matched");
        var match = record.Matches().Single(m => m.CandidateId == apprenticeship);
        Assert.Equal(2.0, match.DistanceMiles!.Value, 1);
        Assert.StartsWith("2 miles away; matches your interest in nursing; a level 3 apprenticeship: the next step up from your qualifications", match.Explanation, StringComparison.Ordinal);
        Assert.True(match.Score >= 70, $"score {match.Score}");
        await Task.Delay(1000);
        Assert.Empty(await EmailsAsync(app, id, EmailKind.MatchAlert));

        await app.VerifyEmailAsync(id);

        var alert = await app.WaitForEmailAsync(id, EmailKind.MatchAlert);
        Assert.Contains("Senior healthcare support worker apprentice", alert.Subject + alert.Html, StringComparison.Ordinal);
        Assert.StartsWith("<http", alert.Headers["List-Unsubscribe"], StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", alert.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(apprenticeship, (await WaitForRecordAsync(app, id, r => r.NotifiedIds().Contains(apprenticeship), "the alert to be recorded")).NotifiedIds());
    }

    [Fact]
    public async Task TheSameMatch_IsNeverEmailedTwice_WhenMatchingRunsAgain()
    {
        await using var app = await _world.StartAsync(storage, new Dictionary<string, string?> { ["MATCH_ALERT_MIN_HOURS"] = "1" });
        var vacancy = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesEast: 1)));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        await app.WaitForEmailAsync(id, EmailKind.MatchAlert);

        // Hours later (past the alert interval) matching runs again, with nothing new: no second email.
        app.Time.Offset = TimeSpan.FromHours(2);
        using (await app.PostJsonAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", "/api/matches/preferences?", StringComparison.Ordinal), new { travelMiles = 19 }))
        {
        }

        await Eventually.TrueAsync(() => Task.FromResult(app.Logs.Lines.Count(l => l.Contains($"Applicant {id} matched", StringComparison.Ordinal)) >= 2), "matching to run again");
        await Task.Delay(1000);
        var alerts = await EmailsAsync(app, id, EmailKind.MatchAlert);
        Assert.Single(alerts);
        Assert.Contains("Healthcare support worker", alerts[0].Subject, StringComparison.Ordinal);
        Assert.NotNull(vacancy);
    }

    [Fact]
    public async Task TravelDistance_DefaultsByRoute_AndThePersonCanWidenIt()
    {
        await using var app = await _world.StartAsync(storage);
        var apprenticeship = await PublishAsync(app, OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesNorth: 15)));

        // In education: ten miles unless they say otherwise, so fifteen miles away is too far.
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"], change: b => b["currentSituation"] = "InEducation");
        var first = await WaitForRecordAsync(app, id, r => r.ComputedAt is not null, "the first matching");
        Assert.DoesNotContain(first.Matches(), m => m.CandidateId == apprenticeship);

        using var changed = await app.Http.PostAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", "/api/matches/preferences?", StringComparison.Ordinal),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["travelMiles"] = "20" }));

        // The form posts back to the matches page (followed here), which shows the new distance.
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.StartsWith("/api/matches", changed.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
        var widened = await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == apprenticeship), "matching with the wider distance");
        Assert.Equal(20, widened.TravelMiles);
    }

    [Fact]
    public async Task DrivingLicence_RequiredByAJob_MatchesOnlyOnceThePersonSaysTheyHaveOne()
    {
        await using var app = await _world.StartAsync(storage);
        var body = OpportunityBodies.Vacancy(postcode: _world.Postcode(milesEast: 3));
        body["title"] = "Community care worker";
        body["careerFamily"] = "SocialCare";
        body["requirements"] = new { minimumAge = 18, drivingLicence = true };
        var job = await PublishAsync(app, body);
        var id = await SignUpAsync(app, _world.Postcode(), ["SocialCare"]);
        await WaitForRecordAsync(app, id, r => r.ComputedAt is not null, "the first matching");

        using var page = await app.Http.GetAsync(await MatchesLinkAsync(app, id));
        var view = await page.Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(view.GetProperty("matches").EnumerateArray(), m => m.GetProperty("match").GetProperty("candidateId").GetString() == job);
        Assert.Equal(1, view.GetProperty("nearbyExclusions").GetProperty("NeedsDrivingLicence").GetInt32());

        using (await app.PostJsonAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", "/api/matches/preferences?", StringComparison.Ordinal), new { drivingLicence = true }))
        {
        }

        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == job), "the job to match once they drive");
    }

    [Fact]
    public async Task PostcodePlacedLater_ByTheRetryTimer_IsMatchedThen()
    {
        await using var app = await _world.StartAsync(storage, new Dictionary<string, string?> { ["GEOCODE_RETRY_SCHEDULE"] = "*/1 * * * * *" });
        var opportunity = await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 2)));
        var postcode = _world.Postcode();
        _world.Postcodes.Available = false;

        var id = await SignUpAsync(app, postcode, ["Nursing"], verify: false);
        var unplaced = await WaitForRecordAsync(app, id, r => r.ComputedAt is not null, "matching without a place");
        Assert.Empty(unplaced.Matches());
        Assert.Null(unplaced.AreaKey);

        _world.Postcodes.Available = true;
        app.Time.Offset = Core.Features.Geocoding.GeocodeRetrySchedule.DelayAfter(1) + TimeSpan.FromSeconds(1);

        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity) && r.AreaKey is not null, "matching once the postcode is placed");
    }

    [Fact]
    public async Task MatchesPage_ShowsTheMatchesAsHtml_AndRefusesABadLink()
    {
        await using var app = await _world.StartAsync(storage);
        await PublishAsync(app, OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesNorth: 1)));
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        await WaitForRecordAsync(app, id, r => r.Matches().Count > 0, "a match");

        using var request = new HttpRequestMessage(HttpMethod.Get, await MatchesLinkAsync(app, id));
        request.Headers.Accept.ParseAdd("text/html");
        using var page = await app.Http.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Senior healthcare support worker apprentice", html, StringComparison.Ordinal);
        Assert.Contains("Why it fits:", html, StringComparison.Ordinal);
        Assert.Equal("no-store", page.Headers.CacheControl?.ToString());

        using var tampered = await app.Http.GetAsync("/api/matches?token=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal("application/problem+json", tampered.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Preferences_OutOfRange_AreAProblem_AndChangeNothing()
    {
        await using var app = await _world.StartAsync(storage);
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);

        using var response = await app.PostJsonAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", "/api/matches/preferences?", StringComparison.Ordinal), new { travelMiles = 500 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("1 to 50", problem.GetProperty("errors").GetProperty("travelMiles")[0].GetString(), StringComparison.Ordinal);
        Assert.Null((await WaitForRecordAsync(app, id, _ => true, "the record")).TravelMiles);
    }
}
