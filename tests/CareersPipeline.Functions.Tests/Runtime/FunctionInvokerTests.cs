using Azure.Data.Tables;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Functions.Tests.Runtime;

public sealed class FunctionInvokerTests
{
    private static (FunctionInvoker Invoker, LogSink Logs) Invoker()
    {
        var logs = new LogSink();
        // No storage: recording a failure's error fails at once (nothing listens there), which the invoker only logs.
        var unreachable = new TableServiceClient(new Uri("http://127.0.0.1:9/devstoreaccount1"), new TableSharedKeyCredential("devstoreaccount1", Convert.ToBase64String(new byte[64])), new TableClientOptions { Retry = { MaxRetries = 0 } });
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(logs))
            .AddSingleton(new QueueFailures(unreachable)).AddSingleton(TimeProvider.System).AddSingleton<FunctionInvoker>().BuildServiceProvider();
        return (services.GetRequiredService<FunctionInvoker>(), logs);
    }

    [Fact]
    public async Task CancelledBecauseTheAppIsStopping_IsNotLoggedAsAFailure_AndSaysSo()
    {
        var (invoker, logs) = Invoker();
        using var stopping = new CancellationTokenSource();
        var function = new QueueFunction("Work", "work", async (_, _, ct) =>
        {
            await stopping.CancelAsync();
            ct.ThrowIfCancellationRequested();
        });

        var result = await invoker.InvokeQueueAsync(function, "{}", "id-1", 1, stopping.Token);

        Assert.False(result.Success);
        Assert.True(result.Cancelled);
        Assert.Contains(logs.Lines, l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("Work (id-1) was cancelled", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACancellationTheAppDidNotAskFor_IsAFailure()
    {
        var (invoker, logs) = Invoker();
        var function = new QueueFunction("Work", "work", (_, _, _) => throw new TaskCanceledException("an HTTP client timed out"));

        var result = await invoker.InvokeQueueAsync(function, "{}", "id-2", 3, CancellationToken.None);

        Assert.False(result.Success);
        Assert.False(result.Cancelled);
        Assert.Contains(logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("Work (id-2) failed on attempt 3", StringComparison.Ordinal));
    }
}
