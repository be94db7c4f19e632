using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Administration;

[CollectionDefinition(Name)]
public sealed class PoisonStorageGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "PoisonStorage";
}

/// <summary>
/// Issue 18, "poison messages are not a black hole": a message that failed every attempt is listed with its last
/// error, an admin sends it back from the page or the API and it is processed, and the alarm logs and emails admins
/// once a day. Its own Azurite: sending a whole poison queue back must not take other tests' messages.
/// </summary>
[Collection(PoisonStorageGroup.Name)]
public sealed class PoisonMessageTests(AzuriteFixture storage) : IAsyncLifetime
{
    private const string AdminEmail = "ops.lead@example.nhs.uk";
    private const string Admin = "ops-admin";
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["BOOTSTRAP_ADMIN_EMAILS"] = AdminEmail });
        await _app.WaitForStorageAsync();
        // An admin with an address, as in Azure: the first admin from BOOTSTRAP_ADMIN_EMAILS at their first sign-in.
        Assert.NotNull(await _app.Services.GetRequiredService<StaffDirectory>().SignInAsync(new StaffSignIn(Admin, AdminEmail), CancellationToken.None));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task MessageThatFailsEveryAttempt_IsListedWithItsLastError()
    {
        var marker = Guid.NewGuid().ToString("n");
        await storage.Queues.GetQueueClient(StorageNames.Queues.SignUps).SendMessageAsync($"not json {marker}");

        var listed = await Eventually.GetAsync(async () => (await ListAsync(Admin)).SelectMany(q => q.Messages).FirstOrDefault(m => m.Text.Contains(marker, StringComparison.Ordinal)), "the message to be poisoned");

        Assert.NotNull(listed.LastFailure);
        Assert.Contains("Exception", listed.LastFailure.Error, StringComparison.Ordinal);
        Assert.Equal(3, listed.LastFailure.Attempt);
        var (_, page) = await (await StaffBrowserSession.SignInAsync(_app, Admin)).GetAsync("/staff/admin/queues");
        Assert.Contains(marker, page, StringComparison.Ordinal);
        Assert.Contains(listed.LastFailure.Error.Split(':')[0], page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonedSignUp_SentBackFromThePage_IsProcessed_AndLeavesThePoisonQueue()
    {
        var id = await storage.StoreStrandedSignUpAsync("Poisoned");
        var poison = storage.Queues.GetQueueClient(StorageNames.PoisonQueueOf(StorageNames.Queues.SignUps));
        await poison.SendMessageAsync(JsonSerializer.Serialize(new SignUpMessage(id), JsonDefaults.Options));
        var message = (await ListAsync(Admin)).SelectMany(q => q.Messages).Single(m => m.Text.Contains(id, StringComparison.Ordinal));
        using var admin = await StaffBrowserSession.SignInAsync(_app, Admin);

        using var sent = await admin.SubmitAsync("/staff/admin/queues", $"/staff/admin/queues/signups/{message.MessageId}/requeue", []);

        Assert.Equal(HttpStatusCode.SeeOther, sent.StatusCode);
        Assert.Equal("/staff/admin/queues?sent=1", sent.Headers.Location!.OriginalString);
        await _app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "the sent-back sign-up to be processed");
        Assert.DoesNotContain((await ListAsync(Admin)).SelectMany(q => q.Messages), m => m.Text.Contains(id, StringComparison.Ordinal));

        // The same message again: it is gone, and the page says so rather than failing.
        using var again = await admin.SubmitAsync("/staff/admin/queues", $"/staff/admin/queues/signups/{message.MessageId}/requeue", []);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Api_SendsAQueuesMessagesBack_AndRefusesAnUnknownQueue()
    {
        var ids = new[] { await storage.StoreStrandedSignUpAsync("Poisoned"), await storage.StoreStrandedSignUpAsync("Poisoned") };
        var poison = storage.Queues.GetQueueClient(StorageNames.PoisonQueueOf(StorageNames.Queues.SignUps));
        foreach (var id in ids)
        {
            await poison.SendMessageAsync(JsonSerializer.Serialize(new SignUpMessage(id), JsonDefaults.Options));
        }

        using var sent = await _app.SendAsStaffAsync(Admin, HttpMethod.Post, "/api/manage/poison-messages/signups/requeue");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.True((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requeued").GetInt32() >= 2);
        foreach (var id in ids)
        {
            await _app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "each sent-back sign-up to be processed");
        }

        using var unknown = await _app.SendAsStaffAsync(Admin, HttpMethod.Post, "/api/manage/poison-messages/no-such-queue/requeue");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("adviser-amina", HttpStatusCode.Forbidden)]
    [InlineData("employer-uhnm", HttpStatusCode.Forbidden)]
    public async Task OnlyAdmins_SeeOrSendBackFailedMessages(string? actor, HttpStatusCode expected)
    {
        await _app.StoreDemoStaffAsync();

        using var list = await _app.SendAsStaffAsync(actor, HttpMethod.Get, "/api/manage/poison-messages");
        using var requeue = await _app.SendAsStaffAsync(actor, HttpMethod.Post, "/api/manage/poison-messages/signups/requeue");

        Assert.Equal(expected, list.StatusCode);
        Assert.Equal(expected, requeue.StatusCode);
    }

    [Fact]
    public async Task Alarm_LogsEachPoisonedQueue_AndEmailsAdminsOnceADay()
    {
        await storage.Queues.GetQueueClient(StorageNames.PoisonQueueOf(StorageNames.Queues.MatchPeople)).SendMessageAsync("{\"applicantId\":\"a0\"}");
        var alarm = _app.Services.GetRequiredService<PoisonAlertJob>();

        var first = await alarm.RunAsync(CancellationToken.None);
        await alarm.RunAsync(CancellationToken.None);

        Assert.Contains(first, l => l.Queue == StorageNames.Queues.MatchPeople && l.Count >= 1);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("match-people-poison holds", StringComparison.Ordinal));
        var emails = (await _app.Services.GetRequiredService<OutboxReader>().ListAsync(10_000, CancellationToken.None)).Where(i => i.Kind == EmailKind.PoisonAlert && i.ReferenceId == Admin).ToList();
        Assert.Single(emails);
        Assert.Equal(AdminEmail, emails[0].To);

        // The next day, the same queues raise the alarm again.
        _app.Time.Offset = TimeSpan.FromDays(1);
        await alarm.RunAsync(CancellationToken.None);
        Assert.Equal(2, (await _app.Services.GetRequiredService<OutboxReader>().ListAsync(10_000, CancellationToken.None)).Count(i => i.Kind == EmailKind.PoisonAlert && i.ReferenceId == Admin));
    }

    private async Task<List<PoisonQueueContents>> ListAsync(string staffId)
    {
        using var response = await _app.SendAsStaffAsync(staffId, HttpMethod.Get, "/api/manage/poison-messages");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<PoisonQueueContents>>(JsonDefaults.Options))!;
    }
}
