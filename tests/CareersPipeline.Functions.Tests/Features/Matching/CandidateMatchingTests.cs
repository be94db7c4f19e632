using System.Net;
using System.Net.Http.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>When an opportunity opens, changes or closes, the people near it (and only they) are matched again.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CandidateMatchingTests(AzuriteFixture storage) : IDisposable
{
    private readonly MatchingWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task PublishingAnOpportunity_MatchesThePeopleNearIt_AndAlertsThem()
    {
        await using var app = await _world.StartAsync(storage);
        // At opposite edges of the test's patch: over a hundred miles apart, in areas the opportunity cannot reach.
        var near = await SignUpAsync(app, _world.Postcode(milesNorth: -50), ["Nursing"]);
        var far = await SignUpAsync(app, _world.Postcode(milesNorth: 52), ["Nursing"]);
        await WaitForRecordAsync(app, near, r => r.ComputedAt is not null, "the first matching");
        await WaitForRecordAsync(app, far, r => r.ComputedAt is not null, "the first matching");

        var opportunity = await PublishAsync(app, OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesNorth: -50, milesEast: 2)));

        await WaitForRecordAsync(app, near, r => r.Matches().Any(m => m.CandidateId == opportunity), "the new opportunity to be matched");
        var alert = await app.WaitForEmailAsync(near, EmailKind.MatchAlert);
        Assert.Contains("Senior healthcare support worker apprentice", alert.Subject, StringComparison.Ordinal);

        // Only the people in reach were read.
        var line = await Eventually.GetAsync(() => Task.FromResult(app.Logs.Lines.LastOrDefault(l => l.Contains($"Candidate {opportunity} (open: True)", StringComparison.Ordinal))), "the candidate's matching");
        Assert.Contains(": 1 people near it matched again, 1 changed", line, StringComparison.Ordinal);
        Assert.Empty((await WaitForRecordAsync(app, far, _ => true, "the far record")).Matches());
    }

    [Fact]
    public async Task EditingAndClosingAnOpportunity_UpdateAndThenRemoveTheMatch()
    {
        await using var app = await _world.StartAsync(storage);
        var body = OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 1));
        var opportunity = await PublishAsync(app, body);
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity), "the match");

        body["title"] = "Healthcare support worker (nights)";
        using (var edited = await app.SendAsStaffAsync(Employer, HttpMethod.Put, $"/api/employer/opportunities/{opportunity}", OpportunityBodies.Json(body), await app.ETagAsync(Employer, $"/api/employer/opportunities/{opportunity}")))
        {
            Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        }

        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity && m.Title == "Healthcare support worker (nights)"), "the new title");

        using (var closed = await app.SendAsStaffAsync(Employer, HttpMethod.Post, $"/api/employer/opportunities/{opportunity}/close", JsonContent.Create(new { reason = "Filled" })))
        {
            Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        }

        await WaitForRecordAsync(app, id, r => r.Matches().All(m => m.CandidateId != opportunity), "the closed opportunity to leave the matches");
    }

    [Fact]
    public async Task NewOpportunity_ForSomeoneWhoUnsubscribed_IsMatchedButNotEmailed()
    {
        await using var app = await _world.StartAsync(storage);
        var id = await SignUpAsync(app, _world.Postcode(), ["Pharmacy"]);
        await WaitForRecordAsync(app, id, r => r.ComputedAt is not null, "the first matching");

        // The one-click unsubscribe a mail client sends from the List-Unsubscribe header.
        using var unsubscribe = await app.Http.PostAsync(await MatchingWorld.UnsubscribeLinkAsync(app, id), new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);

        var body = OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesEast: 1), careerFamily: "Pharmacy");
        var opportunity = await PublishAsync(app, body);

        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity && m.Score >= 70), "the strong match");
        await Task.Delay(1500);
        Assert.Empty(await EmailsAsync(app, id, EmailKind.MatchAlert));
        Assert.Contains(app.Logs.Lines, l => l.Contains($"Email MatchAlert for applicant {id} not sent: Withdrawn", StringComparison.Ordinal));
    }
}
