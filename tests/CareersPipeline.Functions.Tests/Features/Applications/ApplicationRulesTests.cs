using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Applications;

/// <summary>The rules of applying and of moving an application, each against real Azurite through the HTTP API.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class ApplicationRulesTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedStaffAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ApplyingTwice_ReturnsTheSameApplication_AndTheEmployerSeesOne()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (applicantId, token) = await _app.VerifiedPersonAsync();

        using var first = await _app.ApplyAsync(vacancy, token);
        using var second = await _app.ApplyAsync(vacancy, token);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        using var list = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Get, $"/api/employer/opportunities/{vacancy}/applicants");
        var body = await list.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("applicants").GetArrayLength());
        Assert.Equal(1, body.GetProperty("counts").GetProperty("Submitted").GetInt32());

        // What follows happens on the queue: the email, the person's list and their journey stage.
        await _app.WaitForEmailAsync(applicantId, EmailKind.ApplicationReceived);
        await _app.WaitForApplicantAsync(applicantId, a => a.Stage == nameof(JourneyStage.Applied), "the journey stage to be Applied");
        using var mine = await _app.Http.GetAsync($"/api/applications{ApplicationKit.Query(token)}");
        Assert.Equal(id, (await mine.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnUnverifiedSignUp_CannotApply()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var id = await _app.SignUpAsync(processed: true);
        var token = _app.Services.GetRequiredService<Core.Features.Applications.ApplicationLinks>().Token(await _app.ApplicantAsync(id));

        using var response = await _app.ApplyAsync(vacancy, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AnUnder16_CannotApplyForAJob()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (applicantId, token) = await _app.VerifiedPersonAsync();
        var fifteen = Today().AddYears(-15).ToString("yyyy-MM-dd");
        await _app.Services.GetRequiredService<ApplicantStore>().ChangeAsync(applicantId, a => { a.DateOfBirth = fifteen; return true; }, CancellationToken.None);

        using var response = await _app.ApplyAsync(vacancy, token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("16 or over", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClosedVacancy_GetsAClearMessage()
    {
        var vacancy = await _app.LiveVacancyAsync();
        using (await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Post, $"/api/employer/opportunities/{vacancy}/close", Opportunities.OpportunityBodies.Json(new { reason = "Manual" })))
        {
        }

        var (_, token) = await _app.VerifiedPersonAsync();
        using var response = await _app.ApplyAsync(vacancy, token);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no longer takes applications", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANationalVacancy_IsAppliedForElsewhere_AndThePersonCanRecordIt()
    {
        var local = await _app.LiveVacancyAsync();
        var store = _app.Services.GetRequiredService<OpportunityStore>();
        var national = (await store.FindAsync(local, CancellationToken.None))!.Value with
        {
            Id = OpportunityIds.National("VAC" + Random.Shared.Next(100_000, 999_999)),
            Source = OpportunitySource.National,
            HowToApply = new HowToApply(false, "https://www.findapprenticeship.service.gov.uk/"),
        };
        await store.TryAddAsync(national, CancellationToken.None);
        var (applicantId, token) = await _app.VerifiedPersonAsync();

        using var apply = await _app.ApplyAsync(national.Id, token);
        using var recorded = await _app.Http.PostAsync($"/api/applications/apply/{national.Id}/applied-elsewhere{ApplicationKit.Query(token)}", null);

        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
        Assert.Contains("Find an apprenticeship", await apply.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        await _app.WaitForApplicantAsync(applicantId, a => a.Stage == nameof(JourneyStage.Applied), "the journey stage to be Applied");
    }

    [Fact]
    public async Task ARefusedMove_NamesTheAllowedNextSteps_AndUnsuccessfulNeedsFeedback()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (applicantId, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);

        using var start = await _app.EmployerAsync(id, "start", new { startDate = "2030-01-01" });
        using var noFeedback = await _app.EmployerAsync(id, "move", new { to = "Unsuccessful" });
        using var unsuccessful = await _app.EmployerAsync(id, "move", new { to = "Unsuccessful", feedback = "We chose someone with more ward experience." });

        Assert.Equal(HttpStatusCode.Conflict, start.StatusCode);
        Assert.Contains("it can become: in review, shortlisted, unsuccessful, withdrawn", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noFeedback.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unsuccessful.StatusCode);
        var outcome = await _app.WaitForEmailAsync(applicantId, EmailKind.ApplicationOutcome);
        Assert.Contains("more ward experience", outcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRecruitersMovingAtOnce_OneWins_TheOtherIsToldItChanged()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        var etag = await _app.ETagAsync(ApplicationKit.Owner, $"/api/employer/applications/{id}");

        var both = await Task.WhenAll(
            _app.EmployerAsync(id, "move", new { to = "Shortlisted" }, ifMatch: etag),
            _app.EmployerAsync(id, "move", new { to = "InReview" }, ifMatch: etag));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        using var view = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Get, $"/api/employer/applications/{id}");
        Assert.Equal(2, (await view.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("history").GetArrayLength());
        foreach (var response in both)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task AnotherOrganisation_SeesNothing_EvenWithTheIds()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (_, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        var guessed = vacancy + "-a0123456789abcdef";

        using var list = await _app.SendAsStaffAsync(ApplicationKit.OtherEmployer, HttpMethod.Get, $"/api/employer/opportunities/{vacancy}/applicants");
        using var open = await _app.SendAsStaffAsync(ApplicationKit.OtherEmployer, HttpMethod.Get, $"/api/employer/applications/{id}");
        using var move = await _app.EmployerAsync(id, "move", new { to = "Shortlisted" }, ApplicationKit.OtherEmployer);
        using var guess = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Get, $"/api/employer/applications/{guessed}");
        using var adviser = await _app.SendAsStaffAsync("adviser-amina", HttpMethod.Get, $"/api/employer/applications/{id}");

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, guess.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adviser.StatusCode);
    }

    [Fact]
    public async Task TheEmployer_SeesOnlyTheApplicationAndContactDetails_AndTheOpeningIsAudited()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (applicantId, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);

        using var response = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Get, $"/api/employer/applications/{id}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("grandmother", body, StringComparison.Ordinal);
        foreach (var hidden in new[] { "route", "supportNeeds", "dateOfBirth", "postcode", "equality", "personKey", "applicantId", applicantId })
        {
            Assert.DoesNotContain(hidden, body, StringComparison.OrdinalIgnoreCase);
        }

        var audit = await _app.Services.GetRequiredService<PersonAccessAudit>().ListAsync([applicantId], CancellationToken.None);
        Assert.Contains(audit, e => e.Action == Core.Features.Applications.EmployerApplications.ReadAction);
    }

    [Fact]
    public async Task FromApplicationToStart_TheVacancyClosesAsFilled()
    {
        var vacancy = await _app.LiveVacancyAsync(positions: 1);
        var (applicantId, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);

        using (var r = await _app.EmployerAsync(id, "move", new { to = "Shortlisted" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await _app.EmployerAsync(id, "invite", new { date = "2030-03-14", time = "10:30", videoLink = "https://meet.example.org/abc", whatToBring = "Photo ID" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await _app.Http.PostAsync($"/api/applications/{id}/interview/accept{ApplicationKit.Query(token)}", null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await _app.EmployerAsync(id, "offer", new { conditional = true, conditions = "References and a DBS check" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await _app.Http.PostAsync($"/api/applications/{id}/offer/accept{ApplicationKit.Query(token)}", null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        using (var r = await _app.EmployerAsync(id, "start", new { startDate = "2030-04-01" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }

        var store = _app.Services.GetRequiredService<OpportunityStore>();
        await Eventually.TrueAsync(async () => (await store.FindAsync(vacancy, CancellationToken.None))!.Value is { Status: OpportunityStatus.Closed, ClosureReason: ClosureReason.Filled }, "the vacancy to close as filled");
        var invitation = await _app.WaitForEmailAsync(applicantId, EmailKind.InterviewInvitation);
        var ics = Assert.Single(invitation.Attachments);
        var calendar = System.Text.Encoding.UTF8.GetString(ics.Content);
        Assert.Equal("interview.ics", ics.FileName);
        Assert.StartsWith("text/calendar", ics.ContentType, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:20300314T103000Z\r\n", calendar, StringComparison.Ordinal);
        Assert.Contains($"\r\nUID:{id}-interview@", calendar, StringComparison.Ordinal);
        await _app.WaitForEmailAsync(applicantId, EmailKind.OfferMade);
        await _app.WaitForEmailAsync(applicantId, EmailKind.StartConfirmed);
        await _app.WaitForApplicantAsync(applicantId, a => a.Stage == nameof(JourneyStage.InWork), "the journey stage to be InWork");
        var journey = await _app.Services.GetRequiredService<JourneyEvents>().ListAsync((await _app.ApplicantAsync(applicantId)).PersonKey, CancellationToken.None);
        // Sign-up, verification and matching record their own events before applying does (the figures, docs/metrics.md).
        Assert.Equal([JourneyStage.Applied, JourneyStage.Interviewed, JourneyStage.Offered, JourneyStage.InWork], journey.Select(e => e.Stage).Where(s => s >= JourneyStage.Applied));
        Assert.Contains(journey, e => e.Stage == JourneyStage.SignedUp);
    }

    [Fact]
    public async Task Applications_AreInTheSubjectAccessExport_AndGoWithErasure()
    {
        var vacancy = await _app.LiveVacancyAsync();
        var (applicantId, token) = await _app.VerifiedPersonAsync();
        var id = await _app.AppliedIdAsync(vacancy, token);
        await _app.WaitForApplicantAsync(applicantId, a => a.Stage == nameof(JourneyStage.Applied), "the journey stage to be Applied");

        using var export = await _app.SendAsStaffAsync("admin-ics", HttpMethod.Get, $"/api/manage/people/{applicantId}/export");
        Assert.Contains("grandmother", await export.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var erase = await _app.SendAsStaffAsync("admin-ics", HttpMethod.Delete, $"/api/manage/people/{applicantId}");
        Assert.True(erase.IsSuccessStatusCode, await erase.Content.ReadAsStringAsync());

        using var open = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Get, $"/api/employer/applications/{id}");
        using var list = await _app.SendAsStaffAsync(ApplicationKit.Owner, HttpMethod.Get, $"/api/employer/opportunities/{vacancy}/applicants");
        Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        Assert.Equal(0, (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("applicants").GetArrayLength());
        var rows = await storage.Tables.GetTableClient(Core.Storage.StorageNames.Tables.Applications)
            .QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == vacancy).ToListAsync();
        Assert.Empty(rows);
    }

    private static DateOnly Today() => Opportunities.OpportunityBodies.Today();
}
