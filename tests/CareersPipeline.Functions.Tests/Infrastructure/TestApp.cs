using System.Net.Http.Json;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Hosting;
using CareersPipeline.Functions.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>The real function app, in this process, on a free loopback port, against the test Azurite.</summary>
public sealed class TestApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestApp(WebApplication app, string baseUrl, ShiftedTimeProvider time, LogSink logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Time = time;
        Logs = logs;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public ShiftedTimeProvider Time { get; }

    public LogSink Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<TestApp> StartAsync(AzuriteFixture storage, RuntimeMode mode = RuntimeMode.Local, IDictionary<string, string?>? settings = null)
    {
        var port = FreePort.Next();
        var baseUrl = $"http://127.0.0.1:{port}";
        var values = new Dictionary<string, string?>(TestSettings.PostcodesUnreachable)
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["PUBLIC_BASE_URL"] = baseUrl,
            // Hosted mode refuses a key shorter than 32 bytes (SigningKeyStrength).
            ["TOKEN_SIGNING_KEY"] = "integration-test-signing-key-0123456789abcdef",
            // Every test shares one client address (loopback): the limits are high unless a test sets them low.
            ["RATE_LIMIT_CLIENT_PERMITS"] = "1000000",
            ["RATE_LIMIT_ADDRESS_PERMITS"] = "1000000",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:00.200",
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:00",
            // Timers stay quiet (once a year) unless a test asks for them.
            ["GEOCODE_RETRY_SCHEDULE"] = "0 0 0 1 1 *",
            ["SIGNUP_RECOVERY_SCHEDULE"] = "0 0 0 1 1 *",
            ["MATCHING_SCHEDULE"] = "0 0 0 1 1 *",
            ["MATCH_DIGEST_SCHEDULE"] = "0 0 0 1 1 *",
            ["CLOSING_REMINDER_SCHEDULE"] = "0 0 0 1 1 *",
            ["FIGURES_REBUILD_SCHEDULE"] = "0 0 0 1 1 *",
            ["CASELOAD_UNCONTACTED_SCHEDULE"] = "0 0 0 1 1 *",
            ["CASELOAD_ACTIONS_SCHEDULE"] = "0 0 0 1 1 *",
        };
        if (mode == RuntimeMode.Hosted)
        {
            values[RuntimeModes.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            values["urls"] = baseUrl;
            values[RuntimeModes.LocalModeSetting] = "true";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var time = new ShiftedTimeProvider();
        var logs = new LogSink();
        var app = FunctionApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
        });
        await app.StartAsync();
        return new TestApp(app, baseUrl, time, logs);
    }

    /// <summary>
    /// Waits until the app has provisioned its tables, queues and containers. Provisioning runs beside other tests'
    /// apps on two cores, so the wait is generous: it is a readiness wait, not a speed check.
    /// </summary>
    public Task WaitForStorageAsync() =>
        Eventually.TrueAsync(async () => (await Http.GetAsync("/api/health")).IsSuccessStatusCode, "storage to be ready", TimeSpan.FromSeconds(120));

    public Task<HttpResponseMessage> PostJsonAsync(string path, object body) => Http.PostAsJsonAsync(path, body);

    public Task<ApplicantEntity?> FindApplicantAsync(string applicantId) =>
        Services.GetRequiredService<ApplicantStore>().FindAsync(applicantId, CancellationToken.None);

    /// <summary>Waits until the applicant satisfies <paramref name="condition"/>.</summary>
    public Task<ApplicantEntity> WaitForApplicantAsync(string applicantId, Func<ApplicantEntity, bool> condition, string what) =>
        Eventually.GetAsync(async () => await FindApplicantAsync(applicantId) is { } a && condition(a) ? a : null, what);

    public async Task<IReadOnlyList<OutboxItem>> OutboxForAsync(string applicantId) =>
        (await Services.GetRequiredService<OutboxReader>().ListAsync(10_000, CancellationToken.None)).Where(i => i.ReferenceId == applicantId).ToList();

    public Task<OutboxItem> WaitForEmailAsync(string applicantId, EmailKind kind) =>
        Eventually.GetAsync(async () => (await OutboxForAsync(applicantId)).FirstOrDefault(i => i.Kind == kind), $"a {kind} email for {applicantId}");

    /// <summary>Stops the app as a platform would: running work is cancelled, requests in flight are still answered.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
