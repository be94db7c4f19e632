using System.Text.Json;

namespace CareersPipeline.Functions.Runtime.Hosted;

/// <summary>
/// Hosted mode: the Functions host invokes queue and timer functions with POST /{FunctionName}. The answer is
/// the host's invocation response; a non-2xx status fails the invocation, so the host retries and poisons.
/// </summary>
public static class InvocationEndpoints
{
    public static void MapInvocations(this IEndpointRouteBuilder endpoints, IEnumerable<FunctionDefinition> functions)
    {
        foreach (var function in functions)
        {
            switch (function)
            {
                case QueueFunction queue:
                    endpoints.MapPost("/" + queue.Name, (HttpRequest request, FunctionInvoker invoker, QueueRedelivery redelivery, IHostApplicationLifetime lifetime) =>
                        InvokeAsync(request, root => InvokeQueueAsync(queue, root, request, invoker, redelivery, lifetime.ApplicationStopping)))
                        .HostOnly()
                        .ExcludeFromDescription();
                    break;
                case TimerFunction timer:
                    endpoints.MapPost("/" + timer.Name, (HttpRequest request, FunctionInvoker invoker, CancellationToken ct) =>
                        InvokeAsync(request, root => invoker.InvokeTimerAsync(timer, InvocationPayload.Timer(root), InvocationId(request), ct)))
                        .HostOnly()
                        .ExcludeFromDescription();
                    break;
            }
        }
    }

    /// <summary>
    /// The host never cancels an invocation it has sent (it sends no cancellation with the request), so the run stops early
    /// only when this app is stopping. Then the message goes back as a fresh one and the answer is a success: a failure
    /// would cost the message one of its attempts (docs/runtime.md, "Stopping").
    /// </summary>
    private static async Task<InvocationResult> InvokeQueueAsync(
        QueueFunction queue, JsonElement root, HttpRequest request, FunctionInvoker invoker, QueueRedelivery redelivery, CancellationToken stopping)
    {
        var message = InvocationPayload.QueueMessage(root);
        var invocationId = InvocationId(request);
        var aborted = request.HttpContext.RequestAborted;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var result = await invoker.InvokeQueueAsync(queue, message, invocationId, InvocationPayload.DequeueCount(root), cancel.Token);
        return result.Cancelled && !aborted.IsCancellationRequested && await redelivery.PutBackAsync(queue, message, invocationId)
            ? InvocationResult.Succeeded
            : result;
    }

    private static async Task<IResult> InvokeAsync(HttpRequest request, Func<JsonElement, Task<InvocationResult>> invoke)
    {
        InvocationResult result;
        try
        {
            using var payload = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            result = await invoke(payload.RootElement);
        }
        catch (Exception e) when (e is JsonException or InvalidQueueMessageException)
        {
            result = InvocationResult.Failed($"Invalid invocation payload: {e.GetType().Name}");
        }

        var response = new InvocationResponse(new Dictionary<string, object?>(), result.Error is null ? [] : [result.Error], null);
        return Results.Json(response, InvocationResponse.JsonOptions, statusCode: result.Success ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError);
    }

    private static string InvocationId(HttpRequest request) =>
        request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault() ?? Guid.NewGuid().ToString();
}

/// <summary>The custom-handler response: <c>{"Outputs": {...}, "Logs": [...], "ReturnValue": ...}</c>.</summary>
public sealed record InvocationResponse(IReadOnlyDictionary<string, object?> Outputs, IReadOnlyList<string> Logs, object? ReturnValue)
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { PropertyNamingPolicy = null };
}
