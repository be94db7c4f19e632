using System.Diagnostics;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// Runs one invocation of a queue or timer function in its own DI scope. Both runtime modes call this,
/// so a function behaves the same whoever triggered it.
/// </summary>
public sealed partial class FunctionInvoker(IServiceScopeFactory scopes, ILogger<FunctionInvoker> logger)
{
    public static readonly ActivitySource ActivitySource = new("CareersPipeline.Functions");

    public Task<InvocationResult> InvokeQueueAsync(QueueFunction function, string message, string invocationId, long dequeueCount, CancellationToken cancellationToken) =>
        InvokeAsync(function.Name, invocationId, services => function.Handle(services, message, cancellationToken), dequeueCount, cancellationToken);

    public Task<InvocationResult> InvokeTimerAsync(TimerFunction function, TimerInfo timer, string invocationId, CancellationToken cancellationToken) =>
        InvokeAsync(function.Name, invocationId, services => function.Handle(services, timer, cancellationToken), 0, cancellationToken);

    private async Task<InvocationResult> InvokeAsync(string name, string invocationId, Func<IServiceProvider, Task> run, long attempt, CancellationToken cancellationToken)
    {
        using var activity = ActivitySource.StartActivity(name, ActivityKind.Consumer);
        activity?.SetTag("faas.invocation_id", invocationId);
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await run(scope.ServiceProvider);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogSucceeded(logger, name, invocationId, elapsedMs);
            return InvocationResult.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled because the app is stopping: not a failure of the function. The caller puts a queue message back
            // without using up one of its attempts (QueueRedelivery); a timer runs at its next time.
            LogStopped(logger, name, invocationId);
            return InvocationResult.Stopped($"{name} was cancelled");
        }
        catch (Exception e)
        {
            // Exceptions from the pipeline carry ids, never personal data, so they are safe to log whole.
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            LogFailed(logger, e, name, invocationId, attempt);
            return InvocationResult.Failed($"{name} failed: {e.GetType().Name}");
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Executed {Function} ({InvocationId}) in {ElapsedMs:0.0} ms")]
    private static partial void LogSucceeded(ILogger logger, string function, string invocationId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Function {Function} ({InvocationId}) was cancelled: the app or its host is stopping, and it will run again")]
    private static partial void LogStopped(ILogger logger, string function, string invocationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} ({InvocationId}) failed on attempt {Attempt}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string function, string invocationId, long attempt);
}

public sealed record InvocationResult(bool Success, string? Error, bool Cancelled = false)
{
    public static InvocationResult Succeeded { get; } = new(true, null);

    public static InvocationResult Failed(string error) => new(false, error);

    /// <summary>Cancelled because the app is stopping: not done, but not the function's fault either.</summary>
    public static InvocationResult Stopped(string error) => new(false, error, Cancelled: true);
}
