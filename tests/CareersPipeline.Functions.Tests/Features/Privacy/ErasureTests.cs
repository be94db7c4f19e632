using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using CareersPipeline.Core;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>Erasure: afterwards nothing in any table, queue (poison included) or container mentions the person.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class ErasureTests(AzuriteFixture storage)
{
    [Fact]
    public async Task AdminErasure_RemovesThePersonFromAllStorage_KeepingOnlyAnonymousCounts()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var (website, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, person, marketing: true);
        var (eventId, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Event, person);
        var personKey = (await app.FindApplicantAsync(website))!.PersonKey;
        using (await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, website), new { ethnicity = "MixedOther", sexualOrientation = "Bisexual" }))
        using (await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{website}/export"))
        {
        }

        // A message about the person that failed and waits in a poison queue.
        await PrivacyKit.Queue(storage, StorageNames.Queues.Emails + "-poison").SendMessageAsync(JsonSerializer.Serialize(new EmailMessage(eventId, EmailKind.Confirmation), JsonDefaults.Options));
        var before = await PrivacyKit.EverythingStoredAsync(storage);
        Assert.NotEmpty(PrivacyKit.Occurrences(before, person.Identifiers));
        var erasedBefore = await ErasedSignUpsAsync(app);

        using var response = await PrivacyKit.StaffAsync(app, HttpMethod.Delete, $"/api/manage/people/{eventId}");
        var outcome = await PrivacyKit.JsonAsync(response);

        var reference = outcome.GetProperty("erasureReference").GetString()!;
        Assert.Equal(1, outcome.GetProperty("people").GetInt32());
        var after = await PrivacyKit.EverythingStoredAsync(storage);
        Assert.Empty(PrivacyKit.Occurrences(after, person.Identifiers));
        Assert.Empty(PrivacyKit.Occurrences(after, [website, eventId, personKey]));

        // Metrics survive as counts by month, door and route.
        var month = app.Time.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var erasedAfter = await ErasedSignUpsAsync(app);
        Assert.Equal(2, erasedAfter.Values.Sum() - erasedBefore.Values.Sum());
        Assert.Contains(erasedAfter.Keys, k => k.StartsWith($"{month}|Website|", StringComparison.Ordinal) && k.EndsWith("|StaffRequest", StringComparison.Ordinal));
        Assert.Contains(erasedAfter.Keys, k => k.StartsWith($"{month}|Event|", StringComparison.Ordinal));

        // Accountability survives without the link to the person: the export and the erasure, by whom, under the reference.
        var audit = await storage.Tables.GetTableClient(StorageNames.Tables.Audit).QueryAsync<TableEntity>(e => e.PartitionKey == PersonAccessAudit.ErasedPrefix + reference).ToListAsync();
        Assert.Contains(audit, e => e.GetString("Action") == PersonAccessActions.Export && e.GetString("StaffSubjectId") == PrivacyKit.Admin);
        Assert.Contains(audit, e => e.GetString("Action") == PersonAccessActions.Erase && e.GetString("StaffSubjectId") == PrivacyKit.Admin);
        Assert.Contains(audit, e => e.GetString("Detail")!.StartsWith("StaffRequest: 1 person(s)", StringComparison.Ordinal));

        using var again = await PrivacyKit.StaffAsync(app, HttpMethod.Delete, $"/api/manage/people/{website}");
        await PrivacyKit.AssertProblemAsync(again, HttpStatusCode.NotFound);
        using var auditAfter = await PrivacyKit.StaffAsync(app, HttpMethod.Get, $"/api/manage/people/{website}/audit");
        await PrivacyKit.AssertProblemAsync(auditAfter, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ThePerson_ErasesThemselves_ByTheLinkInTheirEmail()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var (id, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Programme, person);
        var erase = PrivacyKit.ManageLink(confirmation).Replace("/privacy/manage", "/privacy/erase", StringComparison.Ordinal);

        using (var page = await app.Http.GetAsync(erase))
        {
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Contains("cannot be undone", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotNull(await app.FindApplicantAsync(id)); // a mail scanner following the link changes nothing

        using var response = await app.Http.PostAsync(erase, null);
        Assert.StartsWith("x", (await PrivacyKit.JsonAsync(response)).GetProperty("erasureReference").GetString(), StringComparison.Ordinal);
        Assert.Null(await app.FindApplicantAsync(id));
        Assert.Empty(PrivacyKit.Occurrences(await PrivacyKit.EverythingStoredAsync(storage), person.Identifiers));

        using var twice = await app.Http.PostAsync(erase, null);
        await PrivacyKit.AssertProblemAsync(twice, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task MessagesStillQueued_ForAnErasedPerson_AreDroppedHarmlessly()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
        await app.Services.GetRequiredService<PersonErasure>().EraseAsync(id, ErasureReason.StaffRequest, null, CancellationToken.None);

        var queue = app.Services.GetRequiredService<QueueSender>();
        await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(id), CancellationToken.None);
        await queue.SendAsync(StorageNames.Queues.Emails, new EmailMessage(id, EmailKind.Confirmation), CancellationToken.None);

        await Eventually.TrueAsync(() => Task.FromResult(
            app.Logs.Lines.Any(l => l.Contains($"Sign-up message for unknown applicant {id} dropped", StringComparison.Ordinal))
            && app.Logs.Lines.Any(l => l.Contains($"Email Confirmation for unknown applicant {id} dropped", StringComparison.Ordinal))), "both messages to be dropped");
        Assert.Null(await app.FindApplicantAsync(id));
        Assert.Empty(await app.OutboxForAsync(id));
    }


    private static async Task<IReadOnlyDictionary<string, long>> ErasedSignUpsAsync(TestApp app) =>
        await app.Services.GetRequiredService<AggregateCounters>().ReadAsync(AggregateCounters.ErasedSignUps, CancellationToken.None);
}
