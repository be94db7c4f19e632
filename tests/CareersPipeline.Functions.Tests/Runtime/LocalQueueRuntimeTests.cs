using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Runtime;

/// <summary>The local runtime's queue triggers, against real Azurite, with host.json semantics.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LocalQueueRuntimeTests(AzuriteFixture storage)
{
    [Fact]
    public async Task MessageThatAlwaysFails_EndsInThePoisonQueueAfterMaxDequeueCount()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.WaitForStorageAsync();
        var marker = Guid.NewGuid().ToString("n");
        var queue = storage.Queues.GetQueueClient(StorageNames.Queues.SignUps);
        var poison = storage.Queues.GetQueueClient(StorageNames.Queues.SignUps + "-poison");

        await queue.SendMessageAsync($"not json {marker}");

        var poisoned = await Eventually.GetAsync(
            async () => (await poison.PeekMessagesAsync(32)).Value.FirstOrDefault(m => m.Body.ToString().Contains(marker, StringComparison.Ordinal)),
            "the message in signups-poison");
        Assert.Equal($"not json {marker}", poisoned.Body.ToString());
        Assert.DoesNotContain((await queue.PeekMessagesAsync(32)).Value, m => m.Body.ToString().Contains(marker, StringComparison.Ordinal));
        // maxDequeueCount is 3 in the test settings: three failed attempts are logged before the move.
        Assert.Equal(3, app.Logs.Lines.Count(l => l.Contains("ProcessSignUp", StringComparison.Ordinal) && l.Contains("failed on attempt", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task MessageWhoseRunIsStoppedByShutdown_GoesBackAsAFreshMessage()
    {
        // A postcodes.io that accepts the connection and never answers holds ProcessSignUp inside its lookup.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var queue = storage.Queues.GetQueueClient(StorageNames.Queues.SignUps);
        await queue.CreateIfNotExistsAsync();
        await queue.ClearMessagesAsync(); // earlier tests' leftovers would be held in the lookup too
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?>
        {
            ["POSTCODES_BASE_URL"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
            ["Resilience:Postcodes:AttemptTimeout:Timeout"] = "00:05:00",
            ["Resilience:Postcodes:TotalRequestTimeout:Timeout"] = "00:10:00",
            ["Resilience:Postcodes:CircuitBreaker:SamplingDuration"] = "00:10:00",
        });
        using var response = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), SignUpBodies.Valid(Door.Website));
        var id = (await SignUpBodies.ReadJsonAsync(response)).GetProperty("applicantId").GetString()!;

        using (await silent.AcceptTcpClientAsync())
        {
            await app.StopAsync();
        }

        // Received once (dequeue count 1) and stopped: what is left has used none of its attempts.
        var message = Assert.Single((await queue.PeekMessagesAsync(32)).Value);
        Assert.Contains(id, message.Body.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, message.DequeueCount);
        Assert.Equal(nameof(ApplicantStatus.Received), (await app.FindApplicantAsync(id))!.Status);
    }

    [Fact]
    public async Task SignUpQueuedInHostedMode_IsProcessedByTheLocalRuntime()
    {
        // Both modes read and write the same base64 messages, so either can pick up the other's work.
        string id;
        await using (var hosted = await TestApp.StartAsync(storage, Functions.Runtime.RuntimeMode.Hosted))
        {
            await hosted.WaitForStorageAsync();
            id = await hosted.SignUpAsync();
            Assert.Equal(nameof(ApplicantStatus.Received), (await hosted.FindApplicantAsync(id))!.Status);
        }

        await using var local = await TestApp.StartAsync(storage);

        await local.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "the local runtime to process it");
        await local.WaitForEmailAsync(id, EmailKind.Confirmation);
    }

    [Fact]
    public async Task QueuedMessages_CarryIdsOnlyAndAreBase64()
    {
        // Hosted mode runs no listeners, so the message stays for us to read exactly as stored.
        await using var app = await TestApp.StartAsync(storage, Functions.Runtime.RuntimeMode.Hosted);
        await app.WaitForStorageAsync();
        var body = SignUpBodies.Valid(Door.Website);

        var id = await app.SignUpAsync(body);

        var stored = await Eventually.GetAsync(
            async () => (await storage.RawQueues.GetQueueClient(StorageNames.Queues.SignUps).PeekMessagesAsync(32)).Value
                .Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())))
                .FirstOrDefault(text => text.Contains(id, StringComparison.Ordinal)),
            "the sign-up message");
        var message = JsonDocument.Parse(stored).RootElement;
        Assert.Equal(id, message.GetProperty("applicantId").GetString());
        Assert.Single(message.EnumerateObject());
        foreach (var personal in new[] { (string)body["email"]!, "Olena", "Kovalenko", "ST4", "07700" })
        {
            Assert.DoesNotContain(personal, stored, StringComparison.OrdinalIgnoreCase);
        }
    }
}
