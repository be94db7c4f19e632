using System.Net;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>The Children's code: nothing happens to an under-16's details before a guardian agrees, and no marketing, ever.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class ChildrenTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Under16_IsNotProcessedUntilTheGuardianAgrees_AndTheGuardiansConsentIsRecorded()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var child = TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app));
        var id = await PrivacyKit.SignUpAsync(app, Door.School, child, guardianEmail: SignUpBodies.UniqueEmail("guardian"));

        var request = await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest);
        var waiting = await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.AwaitingGuardianConsent), "the sign-up to wait");
        Assert.Null(waiting.Route);
        Assert.Equal(nameof(GeocodeStatus.NotAttempted), waiting.GeocodeStatus); // not even the postcode is looked up
        Assert.DoesNotContain(await app.OutboxForAsync(id), e => e.Kind == EmailKind.Confirmation);
        var gate = app.Services.GetRequiredService<ConsentGate>();
        Assert.Equal(ConsentDecision.NoGuardianConsent, await gate.DecideAsync(waiting, ConsentPurpose.Contact, CancellationToken.None));

        using var consent = await app.Http.PostAsync(SignUpBodies.LinkIn(request.Html, "guardian-consent").PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        var active = await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "processing after consent");
        await app.WaitForEmailAsync(id, EmailKind.Confirmation);

        var guardian = await app.Services.GetRequiredService<ConsentLedger>().CurrentAsync(active.PersonKey, ConsentPurpose.GuardianConsent, CancellationToken.None);
        Assert.NotNull(guardian);
        Assert.True(guardian.Granted);
        Assert.Equal(ConsentGivenBy.Guardian, guardian.GivenBy);
        Assert.Equal(ConsentChannel.GuardianLink, guardian.Channel);
        Assert.Equal(active.GuardianConsentedAt, guardian.At);
        Assert.Equal(ConsentDecision.Allowed, await gate.DecideAsync(active, ConsentPurpose.Contact, CancellationToken.None));
    }

    [Fact]
    public async Task Under16_AskingForMarketing_IsRefusedByTheValidator()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var body = PrivacyKit.Body(Door.School, TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app)), marketing: true, guardianEmail: SignUpBodies.UniqueEmail("guardian"));

        using var response = await app.PostJsonAsync(SignUpBodies.Path(Door.School), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await SignUpBodies.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("consents.marketing", out _));
    }

    [Fact]
    public async Task Under16_GetsNoMarketing_AtSendTime_WhateverConsentIsHeld()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var id = await PrivacyKit.SignUpAsync(app, Door.School, TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app)), guardianEmail: SignUpBodies.UniqueEmail("guardian"));
        var request = await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest);
        using (await app.Http.PostAsync(SignUpBodies.LinkIn(request.Html, "guardian-consent").PathAndQuery, null))
        {
        }

        var child = await app.WaitForApplicantAsync(id, a => a.ConfirmationSentAt is not null, "the confirmation");

        // Even if a marketing consent were somehow on record (say, imported), the gate refuses it for an under-16.
        await app.Services.GetRequiredService<ConsentLedger>().SetAsync(child, ConsentPurpose.Marketing, true, "imported", ConsentActor.Staff("test"), CancellationToken.None);
        Assert.Equal(ConsentDecision.UnderAge, await app.Services.GetRequiredService<ConsentGate>().DecideAsync(child, ConsentPurpose.Marketing, CancellationToken.None));

        await app.Services.GetRequiredService<QueueSender>().SendAsync(StorageNames.Queues.Emails, new EmailMessage(id, (EmailKind)999), CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(app.Logs.Lines.Any(l => l.Contains($"Email 999 for applicant {id} not sent: UnderAge", StringComparison.Ordinal))), "the marketing email to be refused");
        Assert.DoesNotContain(await app.OutboxForAsync(id), e => e.Kind == (EmailKind)999);

        // On their 16th birthday the same consent would apply.
        app.Time.Offset = TimeSpan.FromDays(366 * 2 + 20);
        Assert.Equal(ConsentDecision.Allowed, await app.Services.GetRequiredService<ConsentGate>().DecideAsync(child, ConsentPurpose.Marketing, CancellationToken.None));
    }

    [Fact]
    public async Task Guardian_WithdrawingConsent_DeletesTheChildsDetails()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var child = TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app));
        var id = await PrivacyKit.SignUpAsync(app, Door.School, child, guardianEmail: SignUpBodies.UniqueEmail("guardian"));
        var request = await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest);
        var link = PrivacyKit.ManageLink(request);

        using (var page = await PrivacyKit.GetHtmlAsync(app, link))
        {
            var html = await page.Content.ReadAsStringAsync();
            Assert.DoesNotContain(child.FirstName, html, StringComparison.Ordinal); // the guardian's page names nobody
            Assert.Contains("consents/GuardianConsent/withdraw", html, StringComparison.Ordinal);
            Assert.DoesNotContain("my-data", html, StringComparison.Ordinal);
        }

        using var withdraw = await app.Http.PostAsync(link.Replace("/privacy/manage", "/privacy/consents/GuardianConsent/withdraw", StringComparison.Ordinal), null);

        Assert.Equal("DetailsDeleted", (await PrivacyKit.JsonAsync(withdraw)).GetProperty("outcome").GetString());
        Assert.Null(await app.FindApplicantAsync(id));
        Assert.Empty(await app.OutboxForAsync(id));
        Assert.Empty(PrivacyKit.Occurrences(await PrivacyKit.EverythingStoredAsync(storage), child.Identifiers));

        using var after = await app.Http.GetAsync(link);
        await PrivacyKit.AssertProblemAsync(after, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Under16_WhoseGuardianNeverAgrees_IsDeletedOnceTheLinkHasExpired()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var child = TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app));
        var id = await PrivacyKit.SignUpAsync(app, Door.School, child, guardianEmail: SignUpBodies.UniqueEmail("guardian"));
        await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest);
        var job = app.Services.GetRequiredService<PrivacyRetentionJob>();

        app.Time.Offset = SignUpEmailComposer.GuardianLinkLifetime;
        Assert.Equal(0, (await job.RunAsync(CancellationToken.None)).UnconsentedChildSignUpsDeleted);
        Assert.NotNull(await app.FindApplicantAsync(id));

        app.Time.Offset = SignUpEmailComposer.GuardianLinkLifetime + PrivacyRetentionJob.GuardianGracePeriod + TimeSpan.FromMinutes(1);
        Assert.True((await job.RunAsync(CancellationToken.None)).UnconsentedChildSignUpsDeleted >= 1);
        Assert.Null(await app.FindApplicantAsync(id));
        Assert.Empty(PrivacyKit.Occurrences(await PrivacyKit.EverythingStoredAsync(storage), child.Identifiers));
    }

    [Fact]
    public void MayShowToEmployer_IsThePolicyForTheMatchingFeature()
    {
        var today = new DateOnly(2026, 11, 23);

        Assert.False(ChildrenPolicy.MayShowToEmployer(today.AddYears(-16).AddDays(1), today));
        Assert.True(ChildrenPolicy.MayShowToEmployer(today.AddYears(-16), today));
    }
}
