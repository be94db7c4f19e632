using System.Text.Json;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Runtime.Local;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Runtime;

/// <summary>The local runtime's timers: NCRONTAB schedules, the monitor's status blob, past-due runs.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LocalTimerRuntimeTests(AzuriteFixture storage)
{
    private const string HostId = "careerspipeline-local";

    [Fact]
    public async Task Timer_RecordsItsScheduleInTheMonitorBlob()
    {
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["SIGNUP_RECOVERY_SCHEDULE"] = "*/2 * * * * *" });

        var started = TimeProvider.System.GetUtcNow();

        // Earlier tests' apps wrote this blob too, with a yearly schedule; wait for this app's write.
        var status = await Eventually.GetAsync(async () => await ReadStatusAsync("RecoverSignUps") is { } s && s.LastUpdated >= started ? s : null, "the timer status blob");

        Assert.True(status.Next > status.LastUpdated);
        Assert.True(status.Next - status.LastUpdated <= TimeSpan.FromSeconds(2), $"next {status.Next:O} is not within the 2 s schedule of {status.LastUpdated:O}");
    }

    [Fact]
    public async Task Timer_MissedWhileStopped_RunsOnceOnStartAsPastDue()
    {
        var longAgo = TimeProvider.System.GetUtcNow().AddDays(-1);
        await WriteStatusAsync("RetryGeocoding", new TimerStatus(longAgo.AddMinutes(-10), longAgo, longAgo));

        await using var app = await TestApp.StartAsync(storage);

        await Eventually.TrueAsync(() => Task.FromResult(app.Logs.Lines.Any(l => l.Contains("Geocode retry resolved", StringComparison.Ordinal))), "the past-due run");
        var status = await Eventually.GetAsync(async () => await ReadStatusAsync("RetryGeocoding") is { } s && s.Last > longAgo ? s : null, "the status to move on");
        // The test schedule runs at midnight on 1 January: the next run is the coming one, not another catch-up.
        var now = TimeProvider.System.GetUtcNow();
        Assert.Equal(new DateTimeOffset(now.Year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero), status.Next);
    }

    [Fact]
    public async Task RecoveryTimer_RequeuesASignUpStrandedBeforeItWasQueued()
    {
        // Simulate a crash between storing the row and queueing it: the row exists, no message does.
        await using var app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["SIGNUP_RECOVERY_SCHEDULE"] = "*/1 * * * * *" });
        await app.WaitForStorageAsync();
        var id = await storage.StoreStrandedSignUpAsync("Stranded");
        await Task.Delay(1500);
        Assert.Equal(nameof(ApplicantStatus.Received), (await app.FindApplicantAsync(id))!.Status);

        // After the grace period the next recovery run finds it.
        app.Time.Offset = SignUpRecoveryJob.GracePeriod + TimeSpan.FromSeconds(5);

        await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "recovery to re-queue and process it");
    }

    private async Task<TimerStatus?> ReadStatusAsync(string function)
    {
        var blob = storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts").GetBlobClient($"timers/{HostId}/{function}/status");
        return await blob.ExistsAsync() ? JsonSerializer.Deserialize<TimerStatus>((await blob.DownloadContentAsync()).Value.Content.ToString()) : null;
    }

    private async Task WriteStatusAsync(string function, TimerStatus status)
    {
        var container = storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"timers/{HostId}/{function}/status").UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true);
    }
}
