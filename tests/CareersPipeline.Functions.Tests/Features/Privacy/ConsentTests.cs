using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>Consents are recorded with purpose, wording, time and source; a withdrawal stops the processing at once.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class ConsentTests(AzuriteFixture storage)
{
    [Fact]
    public async Task SignUp_RecordsContactAndMarketing_WithWordingVersionDoorAndTime()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var before = app.Time.GetUtcNow();

        var id = await PrivacyKit.SignUpAsync(app, Door.Event, person, marketing: true);

        using var response = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/consents", PrivacyKit.Adviser);
        var consents = await PrivacyKit.JsonAsync(response);
        var current = consents.GetProperty("current").EnumerateArray().ToDictionary(c => c.GetProperty("purpose").GetString()!);
        Assert.True(current["Contact"].GetProperty("granted").GetBoolean());
        Assert.True(current["Marketing"].GetProperty("granted").GetBoolean());
        foreach (var consent in current.Values)
        {
            Assert.Equal("2026-09", consent.GetProperty("wordingVersion").GetString());
            Assert.Equal("SignUp", consent.GetProperty("channel").GetString());
            Assert.Equal("Event", consent.GetProperty("door").GetString());
            Assert.Equal("EV-HANLEY-RR", consent.GetProperty("doorCode").GetString());
            Assert.Equal(id, consent.GetProperty("applicantId").GetString());
            Assert.InRange(consent.GetProperty("at").GetDateTimeOffset(), before.AddSeconds(-1), app.Time.GetUtcNow());
        }

        Assert.Equal(2, consents.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task SamePerson_ThroughASecondDoor_AddsToOneHistory_OnceBothAreVerified_AndARetryAddsNothing()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var first = await PrivacyKit.SignUpAsync(app, Door.Website, person, marketing: true);
        await PrivacyKit.SignUpAsync(app, Door.Website, person, marketing: true); // a double click
        var second = await PrivacyKit.SignUpAsync(app, Door.Programme, person, marketing: false);
        var ledger = app.Services.GetRequiredService<ConsentLedger>();

        // Until verified, each sign-up's answers are its own: the second changes nothing of the first's.
        Assert.True((await ledger.CurrentAsync((await app.FindApplicantAsync(first))!, ConsentPurpose.Marketing, CancellationToken.None))!.Granted);

        foreach (var id in new[] { first, second })
        {
            await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "processing");
            await app.VerifyEmailAsync(id);
        }

        var personKey = (await app.FindApplicantAsync(first))!.PersonKey;
        Assert.Equal(personKey, (await app.FindApplicantAsync(second))!.PersonKey);
        var history = await ledger.HistoryAsync(personKey, CancellationToken.None);
        Assert.Equal(4, history.Count);
        Assert.Equal(["Programme", "Programme", "Website", "Website"], history.Select(h => h.Door));

        // The latest statement verified is the one in force: marketing is now "no" for every sign-up of this person.
        Assert.False((await ledger.CurrentAsync(personKey, ConsentPurpose.Marketing, CancellationToken.None))!.Granted);
    }

    [Fact]
    public async Task EveryEmail_CarriesTheManageLinkAndTheNotice()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (_, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
        var child = TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app));
        var childId = await PrivacyKit.SignUpAsync(app, Door.School, child, guardianEmail: SignUpBodies.UniqueEmail("guardian"));
        var guardianRequest = await app.WaitForEmailAsync(childId, EmailKind.GuardianConsentRequest);

        foreach (var email in new[] { confirmation, guardianRequest })
        {
            Assert.Contains("/api/privacy/manage?token=", email.Html, StringComparison.Ordinal);
            Assert.Contains("/api/privacy/manage?token=", email.Text, StringComparison.Ordinal);
            Assert.Contains("/api/privacy/notice", email.Html, StringComparison.Ordinal);
        }

        // The guardian's link is a guardian's link: it cannot download the child's data.
        var guardianLink = PrivacyKit.ManageLink(guardianRequest);
        using var data = await app.Http.GetAsync(guardianLink.Replace("/privacy/manage", "/privacy/my-data", StringComparison.Ordinal));
        await PrivacyKit.AssertProblemAsync(data, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task WithdrawalByTheEmailLink_StopsNonTransactionalEmail_AtSendTime()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique(), marketing: true);
        var applicant = (await app.FindApplicantAsync(id))!;
        var gate = app.Services.GetRequiredService<ConsentGate>();
        Assert.Equal(ConsentDecision.Allowed, await gate.DecideAsync(applicant, ConsentPurpose.Marketing, CancellationToken.None));
        Assert.Equal(ConsentDecision.Allowed, await gate.DecideAsync(applicant, ConsentPurpose.Contact, CancellationToken.None));

        // A marketing email is already queued when the person withdraws.
        await app.Services.GetRequiredService<QueueSender>().SendAsync(StorageNames.Queues.Emails, new EmailMessage(id, (EmailKind)999), CancellationToken.None, TimeSpan.FromSeconds(5));

        var link = PrivacyKit.ManageLink(confirmation);
        using (var page = await PrivacyKit.GetHtmlAsync(app, link))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("privacy/consents/Marketing/withdraw", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var withdraw = await app.Http.PostAsync(link.Replace("/privacy/manage", "/privacy/consents/Marketing/withdraw", StringComparison.Ordinal), null);
        Assert.Equal("Withdrawn", (await PrivacyKit.JsonAsync(withdraw)).GetProperty("outcome").GetString());
        Assert.Equal(ConsentDecision.Withdrawn, await gate.DecideAsync(applicant, ConsentPurpose.Marketing, CancellationToken.None));
        Assert.Equal(ConsentDecision.Allowed, await gate.DecideAsync(applicant, ConsentPurpose.Contact, CancellationToken.None));

        // The queued email is refused when it comes up for sending, and nothing reaches the outbox or the poison queue.
        await Eventually.TrueAsync(() => Task.FromResult(app.Logs.Lines.Any(l => l.Contains($"Email 999 for applicant {id} not sent: Withdrawn", StringComparison.Ordinal))), "the dispatcher to refuse the email");
        Assert.Single(await app.OutboxForAsync(id));
        Assert.DoesNotContain((await PrivacyKit.Queue(storage, StorageNames.Queues.Emails + "-poison").PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(id, StringComparison.Ordinal));

        using var again = await app.Http.PostAsync(link.Replace("/privacy/manage", "/privacy/consents/Marketing/withdraw", StringComparison.Ordinal), null);
        Assert.Equal("AlreadyWithdrawn", (await PrivacyKit.JsonAsync(again)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task TransactionalEmail_IsSentWithoutContactConsent()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var body = PrivacyKit.Body(Door.Website, TestPerson.Unique());
        body["consents"] = new Dictionary<string, object?> { ["contact"] = false, ["marketing"] = false, ["wordingVersion"] = "2026-09" };
        var id = await app.SignUpAsync(body);

        await app.WaitForEmailAsync(id, EmailKind.Confirmation);
        Assert.Equal(ConsentDecision.Withdrawn, await app.Services.GetRequiredService<ConsentGate>().DecideAsync((await app.FindApplicantAsync(id))!, ConsentPurpose.Contact, CancellationToken.None));
    }

    [Fact]
    public async Task StaffRecordAndWithdrawConsent_AsTheSourceOfTheStatement_AndAreAudited()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var id = await PrivacyKit.SignUpAsync(app, Door.Website, TestPerson.Unique());
        // An adviser acts only for people on their caseload (Security/AdviserCaseloadTests tests the refusal).
        await app.Services.GetRequiredService<Core.Features.Caseloads.CaseloadStore>().AddAsync(PrivacyKit.Adviser, id, app.Time.GetUtcNow(), CancellationToken.None);

        using var grant = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{id}/consents/Marketing", PrivacyKit.Adviser, new { granted = true, wordingVersion = "phone-2026-09" });
        var granted = await PrivacyKit.JsonAsync(grant);
        Assert.True(granted.GetProperty("changed").GetBoolean());
        Assert.Equal("Staff", granted.GetProperty("current").GetProperty("channel").GetString());
        Assert.Equal(PrivacyKit.Adviser, granted.GetProperty("current").GetProperty("staffSubjectId").GetString());
        Assert.Equal("phone-2026-09", granted.GetProperty("current").GetProperty("wordingVersion").GetString());

        using var withdraw = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{id}/consents/contact", PrivacyKit.Admin, new { granted = false });
        Assert.False((await PrivacyKit.JsonAsync(withdraw)).GetProperty("current").GetProperty("granted").GetBoolean());
        Assert.Equal(ConsentDecision.Withdrawn, await app.Services.GetRequiredService<ConsentGate>().DecideAsync((await app.FindApplicantAsync(id))!, ConsentPurpose.Contact, CancellationToken.None));

        var audit = await app.Services.GetRequiredService<PersonAccessAudit>().ListAsync([id], CancellationToken.None);
        Assert.Contains(audit, e => e.Action == PersonAccessActions.ChangeConsent && e.StaffSubjectId == PrivacyKit.Adviser);
        Assert.Contains(audit, e => e.Action == PersonAccessActions.ChangeConsent && e.StaffSubjectId == PrivacyKit.Admin);
    }

    [Fact]
    public async Task StaffConsentChanges_AreValidated()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var childId = await PrivacyKit.SignUpAsync(app, Door.School, TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app)), guardianEmail: SignUpBodies.UniqueEmail("guardian"));

        using var marketingForAChild = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{childId}/consents/Marketing", PrivacyKit.Admin, new { granted = true, wordingVersion = "2026-09" });
        Assert.Equal(HttpStatusCode.BadRequest, marketingForAChild.StatusCode);
        Assert.Contains("16 or over", await marketingForAChild.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var unknownPurpose = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{childId}/consents/Everything", PrivacyKit.Admin, new { granted = false });
        await PrivacyKit.AssertProblemAsync(unknownPurpose, HttpStatusCode.NotFound);

        using var employer = await PrivacyKit.StaffAsync(app, HttpMethod.Post, $"/api/manage/people/{childId}/consents/Contact", PrivacyKit.Employer, new { granted = false });
        await PrivacyKit.AssertProblemAsync(employer, HttpStatusCode.Forbidden);

        using var unknownPerson = await PrivacyKit.StaffAsync(app, HttpMethod.Post, "/api/manage/people/a000000000000000000000000/consents/Contact", PrivacyKit.Admin, new { granted = false });
        await PrivacyKit.AssertProblemAsync(unknownPerson, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PrivacyLinks_ThatAreForgedOrExpired_AreRefusedAsProblems()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (_, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
        var link = PrivacyKit.ManageLink(confirmation);

        using var forged = await app.Http.PostAsync("/api/privacy/consents/Contact/withdraw?token=forged.token", null);
        await PrivacyKit.AssertProblemAsync(forged, HttpStatusCode.BadRequest);

        // A verification token is signed too, but for another purpose.
        var verify = SignUpBodies.LinkIn(confirmation.Html, "verify-email").Query;
        using var wrongPurpose = await app.Http.GetAsync("/api/privacy/my-data" + verify);
        await PrivacyKit.AssertProblemAsync(wrongPurpose, HttpStatusCode.BadRequest);

        app.Time.Offset = PrivacyLinks.ManageLinkLifetime + TimeSpan.FromDays(1);
        using var expired = await app.Http.GetAsync(link);
        await PrivacyKit.AssertProblemAsync(expired, HttpStatusCode.Gone);
    }
}
