using System.Net;
using System.Net.Http.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CareersPipeline.Functions.Tests.Features.Caseloads.CaseloadKit;

namespace CareersPipeline.Functions.Tests.Features.Caseloads;

/// <summary>
/// Partner referrals on Azurite: admins name partners and get signed links; a referral through a link (the form without
/// JavaScript, or JSON) lands on triage with the person's contact consent recorded as given through that partner; a
/// revoked or forged link takes nothing; only admins manage partners.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class PartnerReferralTests(AzuriteFixture storage) : IAsyncLifetime
{
    private readonly string _code = "refugee-action-" + Guid.NewGuid().ToString("N")[..6];
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage);
        await _app.SeedTeamsAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task AReferralThroughThePartnersForm_ReachesTriage_WithConsentGivenThroughThePartner()
    {
        var link = await PartnerAsync();
        var path = new Uri(link.Url).AbsolutePath;

        using var form = await _app.Http.GetAsync(path);
        var html = await form.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Refugee Action", html, StringComparison.Ordinal);
        Assert.Contains("name=\"consentToContact\"", html, StringComparison.Ordinal);

        var first = "Farid" + Guid.NewGuid().ToString("N")[..6];
        using var posted = await _app.Http.PostAsync(path, new FormUrlEncodedContent(
        [
            new("firstName", first), new("lastName", "<b>Ahmadi</b>"), new("email", $"{first}@example.org"),
            new("dateOfBirth-day", "14"), new("dateOfBirth-month", "2"), new("dateOfBirth-year", "1988"),
            new("postcode", "st4 6qg"), new("preferredLanguage", "Dari"), new("supportNeeds", "QualificationRecognition"), new("supportNeeds", "EnglishLanguage"),
            new("consentToContact", "true"), new("referrerName", "Sam Partner"), new("referrerEmail", "sam@refugee-action.example"),
        ]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Referral received", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var triage = Assert.IsType<Result<IReadOnlyList<TriageItem>>.Ok>(await _app.Cases().TriageAsync(As(NorthA), default)).Value;
        var item = Assert.Single(triage, t => t.FirstName == first);
        Assert.Equal("Sam Partner (Refugee Action)", item.ReferredBy);
        var applicant = (await _app.FindApplicantAsync(item.ApplicantId))!;
        Assert.Equal(nameof(JourneyRoute.SeldomHeardSupported), applicant.Route);
        Assert.Equal("QualificationRecognition,EnglishLanguage", applicant.SupportNeeds);
        Assert.Equal(_code, applicant.DoorCode);
        var consent = (await _app.Services.GetRequiredService<ConsentLedger>().CurrentAsync(applicant, ConsentPurpose.Contact, default))!;
        Assert.True(consent.Granted);
        Assert.Equal(ConsentChannel.PartnerReferral, consent.Channel);
        Assert.Equal(_code, consent.DoorCode);
        Assert.Equal(ReferralService.WordingVersion, consent.WordingVersion);

        // The triage page shows the name escaped, and who referred.
        using var adviser = await StaffBrowserSession.SignInAsync(_app, NorthA);
        var (_, page) = await adviser.GetAsync("/staff/caseload/triage");
        Assert.Contains("&lt;b&gt;Ahmadi&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.Contains("Referred by Sam Partner (Refugee Action)", page, StringComparison.Ordinal);

        // Taken, the referral is the first line of the timeline, so it is exported and erased with the case.
        Assert.IsType<Result<Versioned<CaseRecord>>.Ok>(await _app.Cases().TakeAsync(As(NorthA), item.ApplicantId, default));
        var view = Assert.IsType<Result<Versioned<CaseView>>.Ok>(await _app.Cases().FindAsync(As(NorthA), item.ApplicantId, default)).Value.Value;
        Assert.Contains(view.Timeline, e => e.Kind == CaseEntryKind.Referred);
        Assert.DoesNotContain(_app.Logs.Lines, l => l.Contains(first, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutConsent_OrUnder16_TheFormSaysWhy_AndNothingIsStored()
    {
        var path = new Uri((await PartnerAsync()).Url).AbsolutePath;
        var first = "NoConsent" + Guid.NewGuid().ToString("N")[..6];

        using var posted = await _app.Http.PostAsync(path, new FormUrlEncodedContent(
        [
            new("firstName", first), new("lastName", "Test"), new("phone", "07700 900982"),
            new("dateOfBirth-day", "1"), new("dateOfBirth-month", "1"), new("dateOfBirth-year", (_app.Time.GetUtcNow().Year - 14).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("postcode", "ST4 6QG"), new("referrerName", "Sam"), new("referrerEmail", "sam@refugee-action.example"),
        ]));
        var html = await posted.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains("Confirm the person agreed to be contacted", html, StringComparison.Ordinal);
        Assert.Contains("aged 16 or over", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{first}\"", html, StringComparison.Ordinal); // the answers are kept
        var triage = Assert.IsType<Result<IReadOnlyList<TriageItem>>.Ok>(await _app.Cases().TriageAsync(As(Admin), default)).Value;
        Assert.DoesNotContain(triage, t => t.FirstName == first);
    }

    [Fact]
    public async Task ARevokedOrForgedLink_TakesNothing_AndTheNewLinkWorks_OverJson()
    {
        var old = await PartnerAsync();
        var renewed = Assert.IsType<Result<PartnerLink>.Ok>(await Partners().RevokeLinkAsync(As(Admin), _code, default)).Value;
        var body = new { firstName = "Json", lastName = "Referral", email = $"json-{_code}@example.org", dateOfBirth = "1990-01-01", postcode = "ST4 6QG", consentToContact = true, referrerName = "Sam", referrerEmail = "sam@refugee-action.example" };

        using var revoked = await _app.Http.PostAsJsonAsync(new Uri(old.Url).AbsolutePath, body);
        using var revokedForm = await _app.Http.GetAsync(new Uri(old.Url).AbsolutePath);
        using var forged = await _app.Http.PostAsJsonAsync("/api/referrals/" + new Uri(renewed.Url).AbsolutePath.Split('/')[^1][..^2] + "xx", body);
        using var accepted = await _app.Http.PostAsJsonAsync(new Uri(renewed.Url).AbsolutePath, body);

        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokedForm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

        // Stopping the partner's referrals stops the current link too.
        Assert.IsType<Result<PartnerLink>.Ok>(await Partners().SaveAsync(As(Admin), _code, new PartnerInput("Refugee Action", false), default));
        using var stopped = await _app.Http.PostAsJsonAsync(new Uri(renewed.Url).AbsolutePath, body);
        Assert.Equal(HttpStatusCode.NotFound, stopped.StatusCode);
    }

    [Fact]
    public async Task OnlyAdmins_ManagePartners_AndSeeTheirLinks()
    {
        await PartnerAsync();

        using var adviserList = await _app.SendAsStaffAsync(NorthA, HttpMethod.Get, "/api/caseload/partners");
        using var adviserSave = await _app.SendAsStaffAsync(NorthA, HttpMethod.Put, $"/api/caseload/partners/{_code}", new { name = "Mine now" });
        using var adviserRevoke = await _app.SendAsStaffAsync(NorthA, HttpMethod.Post, $"/api/caseload/partners/{_code}/revoke");
        using var anonymous = await _app.SendAsStaffAsync(null, HttpMethod.Get, "/api/caseload/partners");
        using var adminList = await _app.SendAsStaffAsync(Admin, HttpMethod.Get, "/api/caseload/partners");
        using var adminBad = await _app.SendAsStaffAsync(Admin, HttpMethod.Put, "/api/caseload/partners/Not%20A%20Code", new { name = "" });

        Assert.Equal(HttpStatusCode.Forbidden, adviserList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adviserSave.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adviserRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminList.StatusCode);
        Assert.Contains(_code, await adminList.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, adminBad.StatusCode);
        Assert.Equal(1, (await Partners().FindAsync(_code, default))!.LinkVersion);
    }

    private async Task<PartnerLink> PartnerAsync() =>
        Assert.IsType<Result<PartnerLink>.Ok>(await Partners().SaveAsync(As(Admin), _code, new PartnerInput("Refugee Action", null), default)).Value;

    private ReferralPartners Partners() => _app.Services.GetRequiredService<ReferralPartners>();
}
