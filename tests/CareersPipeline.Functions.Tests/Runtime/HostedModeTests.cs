using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues.Models;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using CareersPipeline.Functions.Tests.Manifests;

namespace CareersPipeline.Functions.Tests.Runtime;

/// <summary>
/// Hosted mode, driven with the Functions host's own payloads: the start-up probe, HTTP passthrough, and queue and timer
/// invocations as POST /{FunctionName}. Every test runs twice: against the app in this process, and against the
/// published self-contained executable started the way the host starts it.
/// </summary>
public abstract class HostedModeTests(AzuriteFixture storage) : IAsyncLifetime
{
    private readonly List<IHostedHandler> _handlers = [];

    protected AzuriteFixture Storage => storage;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var handler in _handlers)
        {
            await handler.DisposeAsync();
        }
    }

    [Fact]
    public async Task StartupProbe_GetsAnAnswer()
    {
        var app = await StartAsync();

        using var response = await app.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QueueInvocation_ProcessesTheMessageAndAnswersInTheHostFormat()
    {
        var app = await StartAsync();
        var id = await app.Http.SignUpAsync();
        var message = JsonSerializer.Serialize(new SignUpMessage(id), Core.JsonDefaults.Options);

        using var response = await InvokeAsync(app, "ProcessSignUp", QueuePayload(message, dequeueCount: 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(0, body.GetProperty("Logs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.Equal(nameof(ApplicantStatus.Active), (await new ApplicantStore(storage.Tables).FindAsync(id, CancellationToken.None))!.Status);

        // The email it queued is then delivered through the SendEmail invocation.
        var emailMessage = JsonSerializer.Serialize(new EmailMessage(id, EmailKind.Confirmation), Core.JsonDefaults.Options);
        using var email = await InvokeAsync(app, "SendEmail", QueuePayload(emailMessage, dequeueCount: 1));
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);
        Assert.Single(await new OutboxReader(storage.Blobs).ListAsync(10_000, CancellationToken.None), i => i.ReferenceId == id);
    }

    [Fact]
    public async Task QueueInvocation_ThatFails_AnswersNon2xxSoTheHostRetries()
    {
        var app = await StartAsync();

        using var response = await InvokeAsync(app, "ProcessSignUp", QueuePayload("this is not a sign-up message", dequeueCount: 2));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("ProcessSignUp", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocation_WithMalformedPayload_AnswersNon2xx()
    {
        var app = await StartAsync();
        using var content = new StringContent("{\"Data\": 42", Encoding.UTF8, "application/json");

        using var response = await app.Http.PostAsync("/ProcessSignUp", content);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task TimerInvocation_RunsTheJob()
    {
        var app = await StartAsync();
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-22T10:00:00+00:00","Next":"2026-11-22T10:10:00+00:00","LastUpdated":"2026-11-22T10:00:00+00:00"},"IsPastDue":false}},"Metadata":{}}
            """;

        using var response = await InvokeAsync(app, "RetryGeocoding", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(app.Logs, l => l.Contains("Geocode retry resolved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpFunctions_ArePassedThroughUnderApi()
    {
        var app = await StartAsync();
        var id = await app.Http.SignUpAsync();

        // A sign-up's status without its link's token: the function answers (problem details), not the host's own 404.
        using var status = await app.Http.GetAsync($"/api/signups/{id}");
        using var form = await app.Http.GetAsync("/api/signups/send-my-links");

        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal("application/problem+json", status.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task StaffPageAndApiRoute_AnswerAtThePathsTheGeneratedManifestsGive()
    {
        // The paths come from what the host reads: host.json's routePrefix joined to each function.json's route.
        var directory = Directory.CreateTempSubdirectory("hosted-routes-").FullName;
        try
        {
            Functions.Runtime.Manifests.ManifestWriter.Write(directory, Functions.Runtime.FunctionCatalog.All);
            var host = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "host.json")))!;
            string PathOf(string function) => FunctionsHostRules.HostPath(host, System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(directory, function, "function.json")))!["bindings"]![0]!["route"]!.GetValue<string>());

            var app = await StartAsync(new Dictionary<string, string?> { ["WEBSITE_AUTH_ENABLED"] = "True" });
            var directoryOfStaff = new Core.Staff.StaffDirectory(storage.Tables, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new Core.Staff.StaffOptions()), Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Staff.StaffDirectory>.Instance);
            await directoryOfStaff.UpsertAsync(new Core.Staff.StaffPrincipal("hosted-employer", "Hosted Employer", new HashSet<Core.Staff.StaffRole> { Core.Staff.StaffRole.Employer }, new HashSet<string> { "UHNM" }), CancellationToken.None);
            var principal = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"auth_typ":"aad","claims":[{"typ":"oid","val":"hosted-employer"}]}"""));

            Assert.Equal("/staff", PathOf("StaffHome"));
            Assert.Equal("/api/health", PathOf("Health"));
            using var page = new HttpRequestMessage(HttpMethod.Get, PathOf("StaffHome") + "/");
            page.Headers.Add("X-MS-CLIENT-PRINCIPAL", principal);
            using var pageResponse = await app.Http.SendAsync(page);
            using var anonymousPage = await app.Http.GetAsync(PathOf("StaffOpportunities"));
            using var api = await app.Http.GetAsync(PathOf("Health"));

            Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
            Assert.Contains("Hosted Employer", await pageResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousPage.StatusCode); // hosted: a 401 page, never the dev sign-in
            Assert.Equal("text/html; charset=utf-8", anonymousPage.Content.Headers.ContentType!.ToString());
            Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task StaffApi_IsUnderManage_NotUnderTheRouteTheHostReserves()
    {
        var app = await StartAsync();

        using var manage = await app.Http.PostAsync("/api/manage/site/rebuild", null);
        using var admin = await app.Http.PostAsync("/api/admin/site/rebuild", null);

        // Anonymous: refused by the staff filter, so the route exists; the old one is gone.
        Assert.Equal(HttpStatusCode.Unauthorized, manage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, admin.StatusCode);
    }

    [Fact]
    public async Task LocalOnlyPages_AreNotServed()
    {
        var app = await StartAsync();

        using var outbox = await app.Http.GetAsync("/dev/outbox");

        Assert.Equal(HttpStatusCode.NotFound, outbox.StatusCode);
    }

    [Fact]
    public async Task QueueInvocation_StoppedByShutdown_PutsTheMessageBackAsAFreshOneAndSucceeds()
    {
        // A postcodes.io that accepts the connection and never answers holds ProcessSignUp inside its lookup.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var app = await StartAsync(new Dictionary<string, string?>
        {
            ["POSTCODES_BASE_URL"] = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}",
            ["Resilience:Postcodes:AttemptTimeout:Timeout"] = "00:05:00",
            ["Resilience:Postcodes:TotalRequestTimeout:Timeout"] = "00:10:00",
            ["Resilience:Postcodes:CircuitBreaker:SamplingDuration"] = "00:10:00",
        });
        var queue = storage.Queues.GetQueueClient(StorageNames.Queues.SignUps);
        await queue.ClearMessagesAsync(); // earlier tests' leftovers; nothing consumes this queue in hosted mode
        var id = await app.Http.SignUpAsync();

        // The host's part: receive the message (storage counts this dequeue), then invoke with it.
        var delivered = await ReceiveAsync(queue, id);
        Assert.Equal(1, delivered.DequeueCount);
        var invocation = InvokeAsync(app, "ProcessSignUp", QueuePayload(delivered.Body.ToString(), (int)delivered.DequeueCount));
        using (await silent.AcceptTcpClientAsync())
        {
            var stopping = app.StopAsync();
            using var response = await invocation;
            await stopping;

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // A 2xx completes the delivery, so the host deletes the message it received ...
        await queue.DeleteMessageAsync(delivered.MessageId, delivered.PopReceipt);

        // ... and what is left is a fresh copy that has used none of its attempts.
        var copy = Assert.Single((await queue.PeekMessagesAsync(32)).Value);
        Assert.Equal(delivered.Body.ToString(), copy.Body.ToString());
        Assert.Equal(0, copy.DequeueCount);
        Assert.Contains(app.Logs, l => l.Contains("is back on signups as a fresh message", StringComparison.Ordinal));
    }

    protected abstract Task<IHostedHandler> StartHandlerAsync(IDictionary<string, string?> settings);

    private async Task<IHostedHandler> StartAsync(IDictionary<string, string?>? overrides = null)
    {
        var handler = await StartHandlerAsync(HostedSettings.For(storage, overrides));
        _handlers.Add(handler);
        // Generous: on two busy cores, with the rest of the suite running, a published app's first answer can take a while.
        await Eventually.TrueAsync(async () => (await handler.Http.GetAsync("/api/health")).IsSuccessStatusCode, "storage to be ready", TimeSpan.FromSeconds(120));
        return handler;
    }

    private static async Task<QueueMessage> ReceiveAsync(Azure.Storage.Queues.QueueClient queue, string applicantId) =>
        await Eventually.GetAsync(
            async () => (await queue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(5))).Value.SingleOrDefault(m => m.Body.ToString().Contains(applicantId, StringComparison.Ordinal)),
            "the sign-up's message");

    /// <summary>
    /// A queue invocation exactly as the host sends it: the message string JSON-encoded once inside Data
    /// (ScriptInvocationContextExtensions), then the whole request as JSON.
    /// </summary>
    private static string QueuePayload(string message, int dequeueCount) =>
        JsonSerializer.Serialize(new
        {
            Data = new Dictionary<string, string> { ["message"] = JsonSerializer.Serialize(message) },
            Metadata = new Dictionary<string, object>
            {
                ["DequeueCount"] = dequeueCount,
                ["ExpirationTime"] = "2026-11-29T10:00:00+00:00",
                ["Id"] = Guid.NewGuid().ToString(),
                ["InsertionTime"] = "2026-11-22T10:00:00+00:00",
                ["NextVisibleTime"] = "2026-11-22T10:10:00+00:00",
                ["PopReceipt"] = "AgAAAAMAAAAAAAAA",
                ["sys"] = new Dictionary<string, object> { ["MethodName"] = "ProcessSignUp", ["UtcNow"] = "2026-11-22T10:00:00Z", ["RandGuid"] = Guid.NewGuid().ToString() },
            },
        });

    private static async Task<HttpResponseMessage> InvokeAsync(IHostedHandler app, string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        return await app.Http.SendAsync(request);
    }
}

/// <summary>Hosted mode in this process.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class InProcessHostedModeTests(AzuriteFixture storage) : HostedModeTests(storage)
{
    protected override Task<IHostedHandler> StartHandlerAsync(IDictionary<string, string?> settings) => InProcessHandler.StartAsync(Storage, settings);
}

/// <summary>Hosted mode in the published self-contained executable: what Flex Consumption's `custom` runtime starts.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PublishedHostedModeTests(AzuriteFixture storage, PublishedApp published) : HostedModeTests(storage), IClassFixture<PublishedApp>
{
    protected override Task<IHostedHandler> StartHandlerAsync(IDictionary<string, string?> settings) => ExecutableHandler.StartAsync(published.Output, settings);
}
