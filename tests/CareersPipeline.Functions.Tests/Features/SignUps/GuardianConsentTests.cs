using System.Net;
using System.Net.Http.Headers;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.SignUps;

/// <summary>An under-16's sign-up waits for a parent or guardian to confirm by link before anything else happens.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class GuardianConsentTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Under16_StaysPendingUntilGuardianConsents_ThenIsProcessed()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.SeedReferenceDataAsync();
        var body = SignUpBodies.Valid(Door.School, dateOfBirth: Under16DateOfBirth(app));
        body["guardianEmail"] = SignUpBodies.UniqueEmail("guardian");

        var id = await app.SignUpAsync(body, Door.School);

        var pending = await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.AwaitingGuardianConsent), "the sign-up to await consent");
        Assert.Null(pending.Route);
        var request = await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest);
        Assert.Equal((string)body["guardianEmail"]!, request.To);
        Assert.DoesNotContain(await app.OutboxForAsync(id), e => e.Kind == EmailKind.Confirmation);

        var link = SignUpBodies.LinkIn(request.Html, "guardian-consent");
        using var page = new HttpRequestMessage(HttpMethod.Get, link.PathAndQuery);
        page.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var pageResponse = await app.Http.SendAsync(page);
        var guardianPage = await pageResponse.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Olena", guardianPage, StringComparison.Ordinal); // whoever signed up typed the name
        Assert.Contains("Someone under 16 gave your email address", guardianPage, StringComparison.Ordinal);
        Assert.Equal(nameof(ApplicantStatus.AwaitingGuardianConsent), (await app.FindApplicantAsync(id))!.Status);

        using var consent = await app.Http.PostAsync(link.PathAndQuery, null);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);

        var active = await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "processing after consent");
        Assert.NotNull(active.GuardianConsentedAt);
        Assert.Equal("InEducation", active.Route);
        var confirmation = await app.WaitForEmailAsync(id, EmailKind.Confirmation);
        Assert.Equal((string)body["email"]!, confirmation.To);

        using var again = await app.Http.PostAsync(link.PathAndQuery, null);
        Assert.Contains("already", await again.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Under16_WithoutGuardianEmail_IsRefused()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.SeedReferenceDataAsync();

        using var response = await app.PostJsonAsync(SignUpBodies.Path(Door.School), SignUpBodies.Valid(Door.School, dateOfBirth: Under16DateOfBirth(app)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await SignUpBodies.ReadJsonAsync(response)).GetProperty("errors").TryGetProperty("guardianEmail", out _));
    }

    [Fact]
    public async Task GuardianLink_AfterItExpires_IsGone()
    {
        await using var app = await TestApp.StartAsync(storage);
        var body = SignUpBodies.Valid(Door.Website, dateOfBirth: Under16DateOfBirth(app));
        body["guardianEmail"] = SignUpBodies.UniqueEmail("guardian");
        var id = await app.SignUpAsync(body);
        var link = SignUpBodies.LinkIn((await app.WaitForEmailAsync(id, EmailKind.GuardianConsentRequest)).Html, "guardian-consent");

        app.Time.Offset = SignUpEmailComposer.GuardianLinkLifetime + TimeSpan.FromMinutes(1);
        using var consent = await app.Http.PostAsync(link.PathAndQuery, null);

        Assert.Equal(HttpStatusCode.Gone, consent.StatusCode);
        Assert.Equal(nameof(ApplicantStatus.AwaitingGuardianConsent), (await app.FindApplicantAsync(id))!.Status);
    }

    private static string Under16DateOfBirth(TestApp app) =>
        DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime).AddYears(-14).AddDays(-10).ToString("yyyy-MM-dd");
}
