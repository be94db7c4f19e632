using System.Diagnostics;
using System.Net;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>Subject access: everything held about a person, as JSON and as a page, within seconds; staff access is audited.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class SubjectAccessTests(AzuriteFixture storage)
{
    [Fact]
    public async Task AdminExport_CoversEverySignUpOfThePerson_AndIsAudited()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var (website, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, person, marketing: true);
        var (programme, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Programme, person);
        using (await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, website), new { religion = "Hindu" }))
        {
        }

        var watch = Stopwatch.StartNew();
        using var response = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{programme}/export");
        var export = await PrivacyKit.JsonAsync(response);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The export took {watch.Elapsed}.");
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());

        var data = export.GetProperty("data");
        var signUps = data.GetProperty("signUps").EnumerateArray().ToList();
        Assert.Equal(new[] { programme, website }.Order(StringComparer.Ordinal), signUps.Select(s => s.GetProperty("applicantId").GetString()).Order(StringComparer.Ordinal));
        Assert.All(signUps, s => Assert.Equal(person.FirstName, s.GetProperty("firstName").GetString()));
        Assert.All(signUps, s => Assert.Equal(person.PhoneNormalised, s.GetProperty("phone").GetString()));
        Assert.Equal(5, data.GetProperty("consents").GetProperty("history").GetArrayLength()); // 2 per sign-up, and the equality answers
        Assert.Equal(2, data.GetProperty("emails").GetArrayLength());
        Assert.All(data.GetProperty("emails").EnumerateArray(), e => Assert.Equal(person.Email, e.GetProperty("to").GetString()));

        // Staff never see one person's equality answers, only that they are held.
        Assert.True(data.GetProperty("equalityMonitoring").GetProperty("held").GetBoolean());
        Assert.DoesNotContain("Hindu", export.GetRawText(), StringComparison.Ordinal);

        // The export itself is in the audit trail: who, when, which record, what.
        var entry = Assert.Single(data.GetProperty("staffAccess").EnumerateArray());
        Assert.Equal(PersonAccessActions.Export, entry.GetProperty("action").GetString());
        Assert.Equal(PrivacyKit.Admin, entry.GetProperty("staffSubjectId").GetString());
        Assert.Equal(programme, entry.GetProperty("record").GetString());

        using var page = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{website}/export?format=html");
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Your sign-ups", html, StringComparison.Ordinal);
        Assert.Contains(person.LastName, html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditTrail_IsReadableByAdmins_AndRecordsWhoWhenWhichAndWhat()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Event, TestPerson.Unique());
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/consents", PrivacyKit.Adviser))
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/export"))
        {
        }

        using var response = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/audit");
        var entries = (await PrivacyKit.JsonAsync(response)).EnumerateArray().ToList();

        Assert.Equal([PersonAccessActions.ReadAudit, PersonAccessActions.Export, PersonAccessActions.ReadConsents], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(id, e.GetProperty("record").GetString()));
        Assert.Equal(PrivacyKit.Adviser, entries[2].GetProperty("staffSubjectId").GetString());
        Assert.Equal("Amina Yusuf (outreach adviser)", entries[2].GetProperty("staffName").GetString());
        Assert.Equal("ManagePersonConsents", entries[2].GetProperty("endpoint").GetString());
        Assert.All(entries, e => Assert.InRange(e.GetProperty("at").GetDateTimeOffset(), app.Time.GetUtcNow().AddMinutes(-1), app.Time.GetUtcNow()));

        using var adviser = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/audit", PrivacyKit.Adviser);
        await PrivacyKit.AssertProblemAsync(adviser, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ThePersonThemselves_DownloadsEverything_ByTheLinkInTheirEmail()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var (id, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, person);
        using (await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), new { religion = "Jewish", sex = "Female" }))
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/consents"))
        {
        }

        var myData = PrivacyKit.ManageLink(confirmation).Replace("/privacy/manage", "/privacy/my-data", StringComparison.Ordinal);
        var watch = Stopwatch.StartNew();
        using var json = await app.Http.GetAsync(myData + "&format=json");
        var export = await PrivacyKit.JsonAsync(json);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"The export took {watch.Elapsed}.");

        var data = export.GetProperty("data");
        Assert.Equal(person.Email, data.GetProperty("signUps")[0].GetProperty("email").GetString());
        Assert.Equal("Jewish", data.GetProperty("equalityMonitoring").GetProperty("religion").GetString()); // their own answers
        var access = Assert.Single(data.GetProperty("staffAccess").EnumerateArray());
        Assert.Equal("Staff (Admin)", access.GetProperty("by").GetString());
        Assert.False(access.TryGetProperty("staffName", out _));

        using var page = await PrivacyKit.GetHtmlAsync(app, myData);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("The information we hold about you", html, StringComparison.Ordinal);
        Assert.Contains(person.Email, html, StringComparison.Ordinal);
        Assert.Contains("Equality monitoring answers", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffExport_NeedsAnAdmin_AndAnExistingPerson()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var id = await PrivacyKit.SignUpAsync(app, Door.Website, TestPerson.Unique());

        using var anonymous = await app.Http.GetAsync($"/api/manage/people/{id}/export");
        await PrivacyKit.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
        using var employer = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/export", PrivacyKit.Employer);
        await PrivacyKit.AssertProblemAsync(employer, HttpStatusCode.Forbidden);
        using var adviser = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{id}/export", PrivacyKit.Adviser);
        await PrivacyKit.AssertProblemAsync(adviser, HttpStatusCode.Forbidden);
        using var unknown = await PrivacyKit.StaffAsync(app, HttpMethod.Get, "/api/manage/people/a111111111111111111111111/export");
        await PrivacyKit.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
        using var malformed = await PrivacyKit.StaffAsync(app, HttpMethod.Get, "/api/manage/people/not-an-id/export");
        await PrivacyKit.AssertProblemAsync(malformed, HttpStatusCode.NotFound);

        // Refused requests, and ids that name nobody, leave no audit entry.
        Assert.Empty(await app.Services.GetRequiredService<PersonAccessAudit>().ListAsync([id], CancellationToken.None));
    }

}
