using System.Net;
using System.Text;
using System.Text.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Runtime;

/// <summary>
/// Hosted mode, driven with the Functions host's own payloads: the start-up probe, HTTP passthrough, and
/// queue and timer invocations as POST /{FunctionName}.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class HostedModeTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(storage, RuntimeMode.Hosted);
        await Eventually.TrueAsync(async () => (await _app.Http.GetAsync("/api/health")).IsSuccessStatusCode, "storage to be ready");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task StartupProbe_GetsAnAnswer()
    {
        using var response = await _app.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QueueInvocation_ProcessesTheMessageAndAnswersInTheHostFormat()
    {
        var id = await _app.SignUpAsync();
        var message = JsonSerializer.Serialize(new SignUpMessage(id), Core.JsonDefaults.Options);

        using var response = await InvokeAsync("ProcessSignUp", QueuePayload(message, dequeueCount: 1));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(0, body.GetProperty("Logs").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
        Assert.Equal(nameof(ApplicantStatus.Active), (await _app.FindApplicantAsync(id))!.Status);

        // The email it queued is then delivered through the SendEmail invocation.
        var emailMessage = JsonSerializer.Serialize(new EmailMessage(id, EmailKind.Confirmation), Core.JsonDefaults.Options);
        using var email = await InvokeAsync("SendEmail", QueuePayload(emailMessage, dequeueCount: 1));
        Assert.Equal(HttpStatusCode.OK, email.StatusCode);
        Assert.Single(await _app.OutboxForAsync(id));
    }

    [Fact]
    public async Task QueueInvocation_ThatFails_AnswersNon2xxSoTheHostRetries()
    {
        using var response = await InvokeAsync("ProcessSignUp", QueuePayload("this is not a sign-up message", dequeueCount: 2));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("ProcessSignUp", body.GetProperty("Logs")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invocation_WithMalformedPayload_AnswersNon2xx()
    {
        using var content = new StringContent("{\"Data\": 42", Encoding.UTF8, "application/json");
        using var response = await _app.Http.PostAsync("/ProcessSignUp", content);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task TimerInvocation_RunsTheJob()
    {
        const string payload = """
            {"Data":{"timer":{"Schedule":{"AdjustForDST":true},"ScheduleStatus":{"Last":"2026-11-22T10:00:00+00:00","Next":"2026-11-22T10:10:00+00:00","LastUpdated":"2026-11-22T10:00:00+00:00"},"IsPastDue":false}},"Metadata":{}}
            """;

        using var response = await InvokeAsync("RetryGeocoding", payload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_app.Logs.Lines, l => l.Contains("Geocode retry resolved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HttpFunctions_ArePassedThroughUnderApi()
    {
        var id = await _app.SignUpAsync();

        using var status = await _app.Http.GetAsync($"/api/signups/{id}");

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
    }

    [Fact]
    public async Task LocalOnlyPages_AreNotServed()
    {
        using var outbox = await _app.Http.GetAsync("/dev/outbox");

        Assert.Equal(HttpStatusCode.NotFound, outbox.StatusCode);
    }

    /// <summary>A queue invocation exactly as the host sends it: the message string JSON-encoded inside Data, then the whole body as JSON.</summary>
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

    private async Task<HttpResponseMessage> InvokeAsync(string function, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        return await _app.Http.SendAsync(request);
    }
}
