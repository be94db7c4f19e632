using System.Net;
using System.Text;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>Retention: inactive people are anonymised, old outbox copies and leftovers removed, on the daily timer.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class RetentionTests(AzuriteFixture storage)
{
    [Fact]
    public async Task InactivePeopleAreAnonymised_ActiveOnesKept_AndOldOutboxCopiesRemoved()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var inactive = TestPerson.Unique();
        var active = TestPerson.Unique();
        var (inactiveId, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, inactive);
        var (activeId, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Event, active, marketing: true);
        var job = app.Services.GetRequiredService<PrivacyRetentionJob>();

        // A month on, the copies of the emails are gone and the people are not.
        app.Time.Offset = TimeSpan.FromDays(31);
        var month = await job.RunAsync(CancellationToken.None);
        Assert.True(month.OutboxEmailsExpired >= 2);
        Assert.Equal(0, month.PeopleAnonymised);
        Assert.Empty(await app.OutboxForAsync(inactiveId));
        Assert.NotNull(await app.FindApplicantAsync(inactiveId));

        // 25 months on, the active person has just withdrawn a consent (activity); the other has done nothing for 24 months.
        var now = app.Time.GetUtcNow() - app.Time.Offset;
        app.Time.Offset = now.AddMonths(25) - now;
        var activeLink = await PrivacyKit.ManagePathAsync(app, activeId); // from a recent email: links live weeks
        using (var withdraw = await app.Http.PostAsync(activeLink.Replace("/privacy/manage", "/privacy/consents/Marketing/withdraw", StringComparison.Ordinal), null))
        {
            Assert.Equal(HttpStatusCode.OK, withdraw.StatusCode);
        }

        var erasedBefore = await ErasedAsync(app);
        var report = await job.RunAsync(CancellationToken.None);

        Assert.True(report.PeopleAnonymised >= 1);
        Assert.Null(await app.FindApplicantAsync(inactiveId));
        Assert.NotNull(await app.FindApplicantAsync(activeId));
        var stored = await PrivacyKit.EverythingStoredAsync(storage);
        Assert.Empty(PrivacyKit.Occurrences(stored, inactive.Identifiers));
        Assert.NotEmpty(PrivacyKit.Occurrences(stored, [active.Email]));
        var erasedAfter = await ErasedAsync(app);
        Assert.True(erasedAfter.Where(e => e.Key.EndsWith("|Retention", StringComparison.Ordinal)).Sum(e => e.Value)
            > erasedBefore.Where(e => e.Key.EndsWith("|Retention", StringComparison.Ordinal)).Sum(e => e.Value));
        Assert.Contains(app.Logs.Lines, l => l.Contains("Privacy retention:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RetentionPeriods_AreSettings()
    {
        await using var app = await PrivacyKit.StartAsync(storage, new Dictionary<string, string?> { ["RETENTION_MONTHS"] = "2", ["OUTBOX_RETENTION_DAYS"] = "3" });
        var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Programme, TestPerson.Unique());
        var job = app.Services.GetRequiredService<PrivacyRetentionJob>();

        app.Time.Offset = TimeSpan.FromDays(4);
        await job.RunAsync(CancellationToken.None);
        Assert.Empty(await app.OutboxForAsync(id));
        Assert.NotNull(await app.FindApplicantAsync(id));

        app.Time.Offset = TimeSpan.FromDays(65);
        await job.RunAsync(CancellationToken.None);
        Assert.Null(await app.FindApplicantAsync(id));
    }

    [Fact]
    public async Task AnInvalidRetentionSetting_StopsTheAppWithAMessageNamingIt()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["RETENTION_MONTHS"] = "two years" }));

        Assert.Contains("RETENTION_MONTHS", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leftovers_WithoutASignUp_AreRemoved()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
        var personKey = (await app.FindApplicantAsync(id))!.PersonKey;

        // An email handed over while its person was being erased, and a consent recorded by a sign-up that was never stored.
        await app.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>().GetTableClient(Core.Storage.StorageNames.Tables.Applicants).DeleteEntityAsync(id, ApplicantEntity.Row);
        await app.Services.GetRequiredService<IEmailSender>().SendAsync(new OutgoingEmail("late@example.org", "Late", "<p>Late</p>", "Late", EmailKind.Confirmation, id), CancellationToken.None);
        var job = app.Services.GetRequiredService<PrivacyRetentionJob>();

        var soon = await job.RunAsync(CancellationToken.None);
        Assert.Equal(0, soon.OutboxEmailsOrphaned);
        Assert.Equal(0, soon.OrphanedConsentRows);

        app.Time.Offset = PrivacyRetentionJob.OrphanGracePeriod + TimeSpan.FromMinutes(5);
        var later = await job.RunAsync(CancellationToken.None);

        Assert.True(later.OutboxEmailsOrphaned >= 2);
        Assert.True(later.OrphanedConsentRows >= 4); // current and history of contact and marketing
        Assert.Empty(await app.OutboxForAsync(id));
        Assert.Empty(await app.Services.GetRequiredService<ConsentLedger>().HistoryAsync(personKey, CancellationToken.None));
    }

    [Fact]
    public async Task TheTimer_RunsTheJob_WhenTheHostInvokesIt()
    {
        await using var app = await PrivacyKit.StartAsync(storage, mode: RuntimeMode.Hosted);
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-22T02:30:00+00:00","Next":"2026-11-23T02:30:00+00:00","LastUpdated":"2026-11-22T02:30:00+00:00"},"IsPastDue":false}},"Metadata":{}}
            """;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/PrivacyRetention") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        using var response = await app.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Logs.Lines, l => l.Contains("Privacy retention:", StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyDictionary<string, long>> ErasedAsync(TestApp app) =>
        await app.Services.GetRequiredService<AggregateCounters>().ReadAsync(AggregateCounters.ErasedSignUps, CancellationToken.None);
}
