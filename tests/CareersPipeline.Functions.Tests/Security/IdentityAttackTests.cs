using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Features.Matching;
using CareersPipeline.Functions.Tests.Features.Privacy;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Security;

/// <summary>
/// Findings 1-4: an attacker who knows only someone's email address (and perhaps their date of birth) signs up with it
/// and uses whatever links reach the attacker. Each test is the attack as it was reproduced, now failing.
/// </summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class IdentityAttackTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Finding1_FakeChildSignUpWithTheVictimsEmail_GuardianWithdrawal_ErasesOnlyTheFakeSignUp()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var victim = TestPerson.Unique();
        var victimId = await VerifiedAsync(app, Door.Website, victim);

        // The attacker: the victim's address, a child's date of birth, the attacker's own address as "guardian".
        var fake = await app.SignUpAsync(PrivacyKit.Body(Door.Event, victim with { DateOfBirth = PrivacyKit.Under16DateOfBirth(app) }, guardianEmail: SignUpBodies.UniqueEmail("attacker")), Door.Event);
        var guardianEmail = await app.WaitForEmailAsync(fake, EmailKind.GuardianConsentRequest);
        using var withdraw = await app.Http.PostAsync(
            PrivacyKit.ManageLink(guardianEmail).Replace("/privacy/manage", "/privacy/consents/GuardianConsent/withdraw", StringComparison.Ordinal), null);

        Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        Assert.Null(await app.FindApplicantAsync(fake));
        var kept = await app.FindApplicantAsync(victimId);
        Assert.NotNull(kept);
        Assert.NotNull(kept.EmailVerifiedAt);
        var consents = await app.Services.GetRequiredService<ConsentLedger>().CurrentAsync(kept, CancellationToken.None);
        Assert.True(consents[ConsentPurpose.Contact].Granted);
        Assert.NotEmpty(await app.OutboxForAsync(victimId));
    }

    [Fact]
    public async Task Finding1_FakeGuardianConsent_DoesNotReachTheRealChildsSignUp()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var child = TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app));
        var real = await PrivacyKit.SignUpAsync(app, Door.School, child, guardianEmail: SignUpBodies.UniqueEmail("parent"));
        await app.WaitForEmailAsync(real, EmailKind.GuardianConsentRequest);

        // The same child's details through another door, with the attacker as "guardian", who then agrees.
        var fake = await PrivacyKit.SignUpAsync(app, Door.Website, child, guardianEmail: SignUpBodies.UniqueEmail("attacker"));
        var request = await app.WaitForEmailAsync(fake, EmailKind.GuardianConsentRequest);
        using (await app.Http.PostAsync(SignUpBodies.LinkIn(request.Html, "guardian-consent").PathAndQuery, null))
        {
        }

        await app.WaitForApplicantAsync(fake, a => a.Status == nameof(ApplicantStatus.Active), "the attacker's sign-up to be processed");
        var waiting = (await app.FindApplicantAsync(real))!;
        Assert.Equal(nameof(ApplicantStatus.AwaitingGuardianConsent), waiting.Status);
        Assert.Null(waiting.GuardianConsentedAt);
        Assert.Equal(ConsentDecision.NoGuardianConsent, await app.Services.GetRequiredService<ConsentGate>().DecideAsync(waiting, ConsentPurpose.Contact, CancellationToken.None));
    }

    [Fact]
    public async Task Finding2_StrangersSignUpWithTheVictimsEmail_ChangesNeitherTheirConsentsNorTheirProfile()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var victim = TestPerson.Unique();
        var victimId = await VerifiedAsync(app, Door.Website, victim, marketing: true);
        var confirmation = await app.WaitForEmailAsync(victimId, EmailKind.Confirmation);
        using (await app.Http.PostAsync(PrivacyKit.ManageLink(confirmation).Replace("/privacy/manage", "/privacy/consents/Marketing/withdraw", StringComparison.Ordinal), null))
        {
        }

        var before = (await app.FindApplicantAsync(victimId))!;
        var profileBefore = await app.Services.GetRequiredService<MatchProfiles>().ResolveAsync(victimId, CancellationToken.None);

        // The stranger: the victim's address, marketing ticked, another postcode and other interests, through two doors.
        var stranger = victim with { FirstName = "Mallory", Postcode = "ST4 6QG" };
        var body = PrivacyKit.Body(Door.Website, stranger, marketing: true);
        body["careerInterests"] = new[] { "EstatesAndFacilities" };
        var strangerId = await app.SignUpAsync(body, Door.Website, processed: true);
        await app.SignUpAsync(PrivacyKit.Body(Door.Programme, stranger, marketing: true), Door.Programme, processed: true);

        var after = (await app.FindApplicantAsync(victimId))!;
        Assert.Equal(before.Postcode, after.Postcode);
        Assert.Equal(before.FirstName, after.FirstName);
        Assert.Equal(before.CareerInterests, after.CareerInterests);
        var consents = await app.Services.GetRequiredService<ConsentLedger>().CurrentAsync(after, CancellationToken.None);
        Assert.False(consents[ConsentPurpose.Marketing].Granted);
        var person = await app.Services.GetRequiredService<PersonResolver>().ResolveAsync(victimId, CancellationToken.None);
        Assert.Equal([victimId], person!.ApplicantIds);
        var profileAfter = await app.Services.GetRequiredService<MatchProfiles>().ResolveAsync(victimId, CancellationToken.None);
        Assert.Equal(profileBefore!.Applicant.PartitionKey, profileAfter!.Applicant.PartitionKey);
        Assert.NotEqual(victimId, strangerId);
    }

    [Fact]
    public async Task Finding3_TheAnswerToASignUp_IsTheSameWhetherOrNotTheAddressIsRegistered_AndAnIdAloneShowsNothing()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var registered = TestPerson.Unique();
        var registeredId = await VerifiedAsync(app, Door.Website, registered);

        // The attacker knows the address and the date of birth, not the rest of what the person answered.
        var (knownStatus, knownBody) = await SubmitAsync(app, PrivacyKit.Body(Door.Website, registered with { FirstName = "Mallory" }));
        var (newStatus, newBody) = await SubmitAsync(app, PrivacyKit.Body(Door.Website, TestPerson.Unique()));

        Assert.Equal(HttpStatusCode.Accepted, knownStatus);
        Assert.Equal(newStatus, knownStatus);
        Assert.Equal(Shape(newBody), Shape(knownBody));
        Assert.Equal(newBody.GetProperty("message").GetString(), knownBody.GetProperty("message").GetString());
        Assert.NotEqual(registeredId, knownBody.GetProperty("applicantId").GetString());

        foreach (var id in new[] { registeredId, knownBody.GetProperty("applicantId").GetString()!, newBody.GetProperty("applicantId").GetString()! })
        {
            using var status = await app.Http.GetAsync($"/api/signups/{id}");
            Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        }
    }

    [Fact]
    public async Task Finding3_ARepeatOfTheVerbatimSubmission_LandsOnTheSameSignUp()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var body = PrivacyKit.Body(Door.Website, TestPerson.Unique());

        var (_, first) = await SubmitAsync(app, body);
        var (_, again) = await SubmitAsync(app, body);

        Assert.Equal(first.GetProperty("applicantId").GetString(), again.GetProperty("applicantId").GetString());
    }

    [Fact]
    public async Task Finding4_AnOldManageLink_AfterErasureAndANewSignUp_DoesNotOpenTheNewRecord()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var (oldId, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, person);
        var oldLink = PrivacyKit.ManageLink(confirmation);
        using (await app.Http.PostAsync(oldLink.Replace("/privacy/manage", "/privacy/erase", StringComparison.Ordinal), null))
        {
        }

        Assert.Null(await app.FindApplicantAsync(oldId));
        var (newId, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, person);

        Assert.NotEqual(oldId, newId);
        using var reopened = await app.Http.GetAsync(oldLink);
        Assert.Equal(HttpStatusCode.NotFound, reopened.StatusCode);
        Assert.DoesNotContain(person.FirstName, await reopened.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding4_SignOutEverywhere_RevokesEveryLinkSent_AndNewLinksCanBeAskedFor()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var id = await VerifiedAsync(app, Door.Website, person);
        var oldLink = PrivacyKit.ManageLink(await app.WaitForEmailAsync(id, EmailKind.Confirmation));
        var oldMatches = await MatchingWorld.MatchesLinkAsync(app, id);

        using (var signOut = await app.Http.PostAsync(oldLink.Replace("/privacy/manage", "/privacy/sign-out-everywhere", StringComparison.Ordinal), null))
        {
            Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        }

        using (var manage = await app.Http.GetAsync(oldLink))
        {
            Assert.Equal(HttpStatusCode.Gone, manage.StatusCode);
        }

        using (var matches = await app.Http.GetAsync(oldMatches))
        {
            Assert.Equal(HttpStatusCode.Gone, matches.StatusCode);
        }

        using (var ask = await app.PostJsonAsync("/api/signups/send-my-links", new { email = person.Email }))
        {
            Assert.Equal(HttpStatusCode.Accepted, ask.StatusCode);
        }

        var links = await app.WaitForEmailAsync(id, EmailKind.LinksRequested);
        using var fresh = await app.Http.GetAsync(PrivacyKit.ManageLink(links));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task SendMyLinks_AnswersTheSameForAnyAddress_AndEmailsOnlyTheOwner()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var id = await VerifiedAsync(app, Door.Website, person);

        using var known = await app.PostJsonAsync("/api/signups/send-my-links", new { email = person.Email });
        using var unknown = await app.PostJsonAsync("/api/signups/send-my-links", new { email = SignUpBodies.UniqueEmail("nobody") });
        using var malformed = await app.PostJsonAsync("/api/signups/send-my-links", new { email = "not an address" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        await PrivacyKit.AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        Assert.Equal(person.Email, (await app.WaitForEmailAsync(id, EmailKind.LinksRequested)).To);
    }

    [Fact]
    public async Task Correction_ARepeatThroughTheSameDoor_ChangesNothingUntilTheAddressOwnerConfirmsIt()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var id = await VerifiedAsync(app, Door.Website, person);
        var original = (await app.FindApplicantAsync(id))!;

        var correctedId = await PrivacyKit.SignUpAsync(app, Door.Website, person with { Postcode = "ST4 6QG", LastName = "Corrected" });
        await app.WaitForApplicantAsync(correctedId, a => a.Status == nameof(ApplicantStatus.Active), "the correction to be processed");
        Assert.Equal(original.Postcode, (await app.FindApplicantAsync(id))!.Postcode);

        await app.VerifyEmailAsync(correctedId);

        var corrected = (await app.FindApplicantAsync(id))!;
        Assert.Equal("ST4 6QG", corrected.Postcode);
        Assert.Equal("Corrected", corrected.LastName);
        Assert.Null(await app.FindApplicantAsync(correctedId));
        var resolved = await app.Services.GetRequiredService<PersonResolver>().ResolveAsync(id, CancellationToken.None);
        Assert.Equal([id], resolved!.ApplicantIds);
    }

    private static async Task<string> VerifiedAsync(TestApp app, Door door, TestPerson person, bool marketing = false)
    {
        var id = await app.SignUpAsync(PrivacyKit.Body(door, person, marketing), door, processed: true);
        await app.VerifyEmailAsync(id);
        await app.WaitForApplicantAsync(id, a => a.EmailVerifiedAt is not null && a.PersonKey != id, "the sign-up to join its person");
        return id;
    }

    private static async Task<(HttpStatusCode Status, System.Text.Json.JsonElement Body)> SubmitAsync(TestApp app, Dictionary<string, object?> body)
    {
        using var response = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), body);
        return (response.StatusCode, await SignUpBodies.ReadJsonAsync(response));
    }

    private static string Shape(System.Text.Json.JsonElement body) =>
        string.Join(',', body.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}"));
}
