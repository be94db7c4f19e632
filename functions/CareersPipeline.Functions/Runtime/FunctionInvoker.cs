using System.Diagnostics;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// Runs one invocation of a queue or timer function in its own DI scope. Both runtime modes call this,
/// so a function behaves the same whoever triggered it.
/// </summary>
public sealed partial class FunctionInvoker(IServiceScopeFactory scopes, QueueFailures failures, TimeProvider time, ILogger<FunctionInvoker> logger)
{
    public static readonly ActivitySource ActivitySource = new("CareersPipeline.Functions");

    /// <summary>
    /// Runs a queue message's function. A failure's error is kept beside the message (<see cref="QueueFailures"/>) for the
    /// admin who finds it poisoned; a message that succeeds after failing drops it. Only retries pay for that: a first
    /// attempt that succeeds writes nothing more.
    /// </summary>
    public async Task<InvocationResult> InvokeQueueAsync(QueueFunction function, string message, string invocationId, long dequeueCount, CancellationToken cancellationToken)
    {
        Exception? error = null;
        var result = await InvokeAsync(function.Name, invocationId, async services =>
        {
            try
            {
                await function.Handle(services, message, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                error = e;
                throw;
            }
        }, dequeueCount, cancellationToken);

        try
        {
            if (error is not null)
            {
                await failures.RecordAsync(function.QueueName, message, error, dequeueCount, time.GetUtcNow(), CancellationToken.None);
            }
            else if (result.Success && dequeueCount > 1)
            {
                await failures.ForgetAsync(function.QueueName, message, CancellationToken.None);
            }
        }
        catch (Azure.RequestFailedException e)
        {
            // The record is for people looking later; the message's own retry or poisoning goes on without it.
            LogFailureNotRecorded(logger, function.QueueName, e.Status);
        }

        return result;
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a failed message's error for {Queue}: HTTP {Status}")]
    private static partial void LogFailureNotRecorded(ILogger logger, string queue, int status);

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
