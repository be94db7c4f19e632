using NCrontab;

namespace CareersPipeline.Functions.Runtime.Local;

/// <summary>
/// Local stand-in for the host's timer trigger: NCRONTAB with seconds, evaluated in UTC, runOnStartup, and the
/// monitor's status blob so that a schedule missed while the app was stopped runs once, marked past due.
/// </summary>
public sealed partial class TimerTriggerScheduler(
    TimerFunction function,
    CrontabSchedule schedule,
    TimerStatusStore statusStore,
    FunctionInvoker invoker,
    StorageReadiness storage,
    TimeProvider time,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.WaitAsync(stoppingToken);
        try
        {
            var status = await statusStore.ReadAsync(function.Name, stoppingToken);
            var last = status?.Last;
            var pastDue = status is not null && status.Next < time.GetUtcNow();
            if (function.RunOnStartup || pastDue)
            {
                await RunAsync(pastDue, last, stoppingToken);
                last = time.GetUtcNow();
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var now = time.GetUtcNow();
                var next = NextAfter(now);
                await statusStore.WriteAsync(function.Name, new TimerStatus(last ?? now, next, now), stoppingToken);
                await Task.Delay(next - now, time, stoppingToken);
                await RunAsync(false, last, stoppingToken);
                last = next;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private DateTimeOffset NextAfter(DateTimeOffset instant) =>
        new(DateTime.SpecifyKind(schedule.GetNextOccurrence(instant.UtcDateTime), DateTimeKind.Utc));

    private async Task RunAsync(bool pastDue, DateTimeOffset? last, CancellationToken stoppingToken)
    {
        var timer = new TimerInfo(pastDue, last, NextAfter(time.GetUtcNow()));
        var result = await invoker.InvokeTimerAsync(function, timer, Guid.NewGuid().ToString(), stoppingToken);
        if (!result.Success)
        {
            // As with the host, a failed timer run is not retried; the next occurrence runs as usual.
            LogFailed(logger, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer {Function} run failed; waiting for its next occurrence")]
    private static partial void LogFailed(ILogger logger, string function);
}
