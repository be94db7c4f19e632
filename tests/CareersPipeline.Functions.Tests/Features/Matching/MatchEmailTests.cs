using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using static CareersPipeline.Functions.Tests.Features.Matching.MatchingWorld;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>The weekly digest and the closing-soon reminders, and who may get them.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class MatchEmailTests(AzuriteFixture storage) : IDisposable
{
    private readonly MatchingWorld _world = new();
    private readonly WireMockServer _sendGrid = WireMockServer.Start();

    public void Dispose()
    {
        _world.Dispose();
        _sendGrid.Stop();
    }

    [Fact]
    public async Task Digest_HasTheMatchesNotYetEmailed_ClosingSoonFirst_AndIsNotSentAgainThatWeek()
    {
        // Alerts are off (nothing scores 101), so every match waits for the digest.
        await using var app = await _world.StartAsync(storage, new Dictionary<string, string?> { ["MATCH_ALERT_MIN_SCORE"] = "101" });
        var later = OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 1), closingInDays: 30);
        later["title"] = "Ward clerk";
        var soon = OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 4), closingInDays: 5);
        soon["title"] = "Porter";
        await PublishAsync(app, later);
        await PublishAsync(app, soon);
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        await WaitForRecordAsync(app, id, r => r.Matches().Count >= 2, "both matches");

        await RunAsync(app, "digest");

        var digest = Assert.Single(await EmailsAsync(app, id, EmailKind.MatchDigest));
        Assert.Equal("Your health and care matches this week", digest.Subject);
        Assert.True(digest.Text.IndexOf("Porter", StringComparison.Ordinal) < digest.Text.IndexOf("Ward clerk", StringComparison.Ordinal), "closing soon first");
        Assert.Contains("closes in 5 days", digest.Text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);

        var again = await RunAsync(app, "digest");
        Assert.Single(await EmailsAsync(app, id, EmailKind.MatchDigest));
        Assert.Equal(0, again.GetProperty("sent").GetInt32());

        // A week later there is nothing new to say, so still nothing.
        app.Time.Offset = TimeSpan.FromDays(7);
        await RunAsync(app, "digest");
        Assert.Single(await EmailsAsync(app, id, EmailKind.MatchDigest));
    }

    [Fact]
    public async Task Digest_LeavesOutMatchesAlreadyAlerted_AndPeopleWhoHaveNotVerified()
    {
        await using var app = await _world.StartAsync(storage);
        await PublishAsync(app, OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesNorth: 1)));
        var alerted = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        var unverified = await SignUpAsync(app, _world.Postcode(milesEast: 1), ["Nursing"], verify: false);
        await app.WaitForEmailAsync(alerted, EmailKind.MatchAlert);
        await WaitForRecordAsync(app, unverified, r => r.Matches().Count > 0, "the unverified person's matches");

        await RunAsync(app, "digest");

        Assert.Empty(await EmailsAsync(app, alerted, EmailKind.MatchDigest));
        Assert.Empty(await EmailsAsync(app, unverified, EmailKind.MatchDigest));
        Assert.Contains(app.Logs.Lines, l => l.Contains($"No MatchDigest for applicant {unverified}: the email address is not verified", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Digest_ThroughSendGrid_IsOneRequestWithAPersonalizationForEachPerson()
    {
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        await using var app = await _world.StartAsync(storage, new Dictionary<string, string?>
        {
            ["SENDGRID_API_KEY"] = "SG.test-key",
            ["SENDGRID_HOST"] = _sendGrid.Url,
            ["MATCH_ALERT_MIN_SCORE"] = "101",
        });
        await PublishAsync(app, OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 2)));
        var people = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = await SignUpAsync(app, _world.Postcode(milesEast: i), ["Nursing"], verify: false);
            await VerifyThroughSendGridAsync(app, id);
            await app.WaitForApplicantAsync(id, a => a.EmailVerifiedAt is not null, "the address to be verified");
            await WaitForRecordAsync(app, id, r => r.Matches().Count > 0, "a match");
            people.Add(id);
        }

        await RunAsync(app, "digest");

        var digests = _sendGrid.LogEntries.Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement)
            .Where(m => m.GetProperty("categories").EnumerateArray().Any(c => c.GetString() == nameof(EmailKind.MatchDigest)))
            .ToList();
        var request = Assert.Single(digests);
        var personalizations = request.GetProperty("personalizations").EnumerateArray().ToList();
        var ours = personalizations.Where(p => people.Contains(p.GetProperty("custom_args").GetProperty("reference").GetString()!)).ToList();
        Assert.Equal(3, ours.Count);
        Assert.All(ours, p =>
        {
            Assert.StartsWith("<http", p.GetProperty("headers").GetProperty("List-Unsubscribe").GetString(), StringComparison.Ordinal);
            Assert.Contains("Healthcare support worker", p.GetProperty("substitutions").GetProperty("%%cp_items_text%%").GetString(), StringComparison.Ordinal);
        });
        Assert.Contains("%%cp_items_html%%", request.GetProperty("content").EnumerateArray().Last().GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, ours.Select(p => p.GetProperty("to")[0].GetProperty("email").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task SavedOpportunity_IsRemindedAWeekAndTwoDaysBeforeItCloses_OnceEach()
    {
        await using var app = await _world.StartAsync(storage);
        var body = OpportunityBodies.Vacancy(postcode: _world.Postcode(milesNorth: 1), closingInDays: 7);
        var opportunity = await PublishAsync(app, body);
        var id = await SignUpAsync(app, _world.Postcode(), ["Nursing"]);
        await WaitForRecordAsync(app, id, r => r.Matches().Any(m => m.CandidateId == opportunity), "the match");

        using (var saved = await app.Http.PostAsync((await MatchesLinkAsync(app, id)).Replace("/api/matches?", $"/api/matches/saved/{opportunity}?", StringComparison.Ordinal), JsonContent.Create(new { })))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        await RunAsync(app, "reminders");
        await RunAsync(app, "reminders");
        var week = Assert.Single(await EmailsAsync(app, id, EmailKind.ClosingReminder));
        Assert.Equal("Closes in 7 days: Healthcare support worker", week.Subject);

        app.Time.Offset = TimeSpan.FromDays(5);
        await RunAsync(app, "reminders");
        await RunAsync(app, "reminders");
        var reminders = await EmailsAsync(app, id, EmailKind.ClosingReminder);
        Assert.Equal(2, reminders.Count);
        Assert.Contains(reminders, r => r.Subject == "Closes in 2 days: Healthcare support worker");
    }

    [Fact]
    public async Task Under16_IsMatchedAndAlertedOnlyThroughTheirGuardiansConsent()
    {
        await using var app = await _world.StartAsync(storage);

        // Fifteen, turning sixteen in twenty days: old enough by the start date, sixty days away.
        var opportunity = await PublishAsync(app, OpportunityBodies.Apprenticeship(postcode: _world.Postcode(milesNorth: 1)));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        var body = SignUpBodies.Valid(Door.Website, dateOfBirth: today.AddYears(-16).AddDays(20).ToString("yyyy-MM-dd"));
        body["postcode"] = _world.Postcode();
        body["careerInterests"] = new[] { "Nursing" };
        body["qualificationLevel"] = "Level2";
        body["guardianEmail"] = SignUpBodies.UniqueEmail("guardian");
        var id = await app.SignUpAsync(body);
        var request = await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest);

        // Nothing is matched, let alone emailed, while the guardian has not agreed.
        await Task.Delay(1000);
        Assert.Null(await app.Services.GetRequiredService<Core.Features.Matching.MatchStore>().FindAsync((await app.FindApplicantAsync(id))!.PersonKey, CancellationToken.None));

        using (await app.Http.PostAsync(SignUpBodies.LinkIn(request.Html, "guardian-consent").PathAndQuery, null))
        {
        }

        await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "processing after consent");
        await app.VerifyEmailAsync(id);
        var alert = await app.WaitForEmailAsync(id, EmailKind.MatchAlert);
        Assert.Equal((string)body["email"]!, alert.To);
        Assert.Contains(opportunity, (await WaitForRecordAsync(app, id, r => r.NotifiedIds().Count > 0, "the alert to be recorded")).NotifiedIds());
    }

    // With SendGrid, the confirmation is in the fake's log rather than the outbox.
    private async Task VerifyThroughSendGridAsync(TestApp app, string applicantId)
    {
        var confirmation = await Eventually.GetAsync(() => Task.FromResult(_sendGrid.LogEntries
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement)
            .FirstOrDefault(m => m.GetProperty("personalizations")[0].GetProperty("custom_args").GetProperty("reference").GetString() == applicantId
                && m.GetRawText().Contains("verify-email", StringComparison.Ordinal)) is { ValueKind: JsonValueKind.Object } found ? (object)found : null), "the confirmation");
        var html = ((JsonElement)confirmation).GetProperty("content").EnumerateArray().Last().GetProperty("value").GetString()!;
        using var verified = await app.Http.PostAsync(SignUpBodies.LinkIn(html, "verify-email").PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
    }

    private static async Task<JsonElement> RunAsync(TestApp app, string job)
    {
        using var response = await app.SendAsStaffAsync(Admin, HttpMethod.Post, $"/api/manage/matching/{job}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
