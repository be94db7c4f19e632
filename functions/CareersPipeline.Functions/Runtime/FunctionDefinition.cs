using System.Text.Json;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// One function, defined once. The same record produces its function.json, maps its HTTP route, and drives
/// its trigger in both runtime modes (the Functions host, or the local runtime on Azurite).
/// </summary>
public abstract record FunctionDefinition(string Name);

/// <summary>What an HTTP function answers with: JSON for programs (under /api/), or HTML pages for people (staff pages under /staff/).</summary>
public enum HttpArea
{
    Api,
    Page,
}

/// <summary>
/// An HTTP function, served by passthrough at /{Route} in both modes. The host's own route prefix is empty
/// (<see cref="HostRoutePrefix"/>), so <see cref="Route"/> is the whole path: API routes start with "api/", pages with
/// their own folder ("staff/"). docs/runtime.md says why.
/// </summary>
public sealed record HttpFunction(string Name, string Route, IReadOnlyList<string> Methods, HttpArea Area, Func<IEndpointRouteBuilder, string, IEndpointConventionBuilder> Map)
    : FunctionDefinition(Name)
{
    /// <summary>host.json's extensions.http.routePrefix: empty, because the host would put it in front of every function, pages included.</summary>
    public const string HostRoutePrefix = "";

    /// <summary>The first segment of every API route.</summary>
    public const string ApiPrefix = "api";

    public string Pattern => $"/{Route}";

    /// <summary>An API function at /api/{route}.</summary>
    public static HttpFunction For(string name, string method, string route, Delegate handler, Action<RouteHandlerBuilder>? describe = null) =>
        For(name, [method], route, handler, describe);

    /// <summary>An API route at /api/{route}, handled by <paramref name="handler"/>; <paramref name="describe"/> adds OpenAPI metadata.</summary>
    public static HttpFunction For(string name, IReadOnlyList<string> methods, string route, Delegate handler, Action<RouteHandlerBuilder>? describe = null) =>
        Create(name, methods, $"{ApiPrefix}/{route}", HttpArea.Api, handler, describe);

    /// <summary>
    /// A page at /{route} (the whole path, such as "staff/opportunities"). Pages are for people, so they are left out of the
    /// OpenAPI document; every action a page offers also has an API function.
    /// </summary>
    public static HttpFunction Page(string name, string method, string route, Delegate handler, Action<RouteHandlerBuilder>? configure = null) =>
        Create(name, [method], route, HttpArea.Page, handler, b =>
        {
            b.ExcludeFromDescription();
            configure?.Invoke(b);
        });

    private static HttpFunction Create(string name, IReadOnlyList<string> methods, string route, HttpArea area, Delegate handler, Action<RouteHandlerBuilder>? describe) =>
        new(name, route, methods, area, (endpoints, pattern) =>
        {
            var builder = endpoints.MapMethods(pattern, methods, handler).WithName(name);
            describe?.Invoke(builder);
            return builder;
        });
}

/// <summary>A queue-triggered function. The message body is JSON; <see cref="Handle"/> gets it as a string.</summary>
public sealed record QueueFunction(string Name, string QueueName, Func<IServiceProvider, string, CancellationToken, Task> Handle)
    : FunctionDefinition(Name)
{
    public const string BindingName = "message";
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>A queue function whose messages are JSON of <typeparamref name="TMessage"/>.</summary>
    public static QueueFunction For<TMessage>(string name, string queueName, Func<IServiceProvider, TMessage, CancellationToken, Task> handle)
        where TMessage : class =>
        new(name, queueName, (services, body, cancellationToken) => handle(services, Deserialize<TMessage>(body), cancellationToken));

    private static TMessage Deserialize<TMessage>(string body)
        where TMessage : class
    {
        try
        {
            return JsonSerializer.Deserialize<TMessage>(body, Core.JsonDefaults.Options)
                ?? throw new InvalidQueueMessageException(typeof(TMessage).Name, "the message is null");
        }
        catch (JsonException e)
        {
            throw new InvalidQueueMessageException(typeof(TMessage).Name, e.Message);
        }
    }
}

/// <summary>
/// A timer-triggered function. <see cref="ScheduleSetting"/> names the app setting holding the NCRONTAB
/// expression, so schedules are changed per environment without a redeploy (function.json says "%SETTING%").
/// </summary>
public sealed record TimerFunction(string Name, string ScheduleSetting, Func<IServiceProvider, TimerInfo, CancellationToken, Task> Handle, bool RunOnStartup = false)
    : FunctionDefinition(Name)
{
    public const string BindingName = "timer";
}

/// <summary>What a timer function is told about its run, as the Functions host tells it.</summary>
public sealed record TimerInfo(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next);

/// <summary>A queue message that can never be handled; it goes to the poison queue after the configured attempts.</summary>
public sealed class InvalidQueueMessageException(string messageType, string reason)
    : Exception($"Queue message is not a valid {messageType}: {reason}");
