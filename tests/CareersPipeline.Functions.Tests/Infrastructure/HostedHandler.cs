using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>
/// The app in hosted mode, seen as the Functions host sees it: HTTP on the port it was given, and its log. Two kinds: the
/// app in this process (<see cref="InProcessHandler"/>) and the published self-contained executable, started the way the
/// host starts it (<see cref="ExecutableHandler"/>).
/// </summary>
public interface IHostedHandler : IAsyncDisposable
{
    HttpClient Http { get; }

    IReadOnlyCollection<string> Logs { get; }

    /// <summary>Asks the app to stop, as a platform does (the executable gets SIGTERM), and waits until it has.</summary>
    Task StopAsync();
}

/// <summary>The test defaults every hosted app here starts with; a test adds or overrides settings.</summary>
public static class HostedSettings
{
    public static Dictionary<string, string?> For(AzuriteFixture storage, IDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>(TestSettings.PostcodesUnreachable)
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["TOKEN_SIGNING_KEY"] = "hosted-test-signing-key-0123456789abcdefghij",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return values;
    }
}

public sealed class InProcessHandler(TestApp app) : IHostedHandler
{
    public HttpClient Http => app.Http;

    public IReadOnlyCollection<string> Logs => app.Logs.Lines;

    public static async Task<IHostedHandler> StartAsync(AzuriteFixture storage, IDictionary<string, string?> settings) =>
        new InProcessHandler(await TestApp.StartAsync(storage, RuntimeMode.Hosted, settings));

    public Task StopAsync() => app.StopAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();
}

/// <summary>
/// The published executable, started as the Functions host starts a custom handler (HttpWorkerProcess): the path in
/// host.json's customHandler.description resolved against the app's root, that folder as the working directory, and
/// FUNCTIONS_CUSTOMHANDLER_PORT set. Settings go in as environment variables, as app settings do in Azure.
/// </summary>
public sealed class ExecutableHandler : IHostedHandler
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _logs = new();

    private ExecutableHandler(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Http { get; }

    public IReadOnlyCollection<string> Logs => _logs;

    /// <summary>Where host.json says the executable is: relative paths are taken from the app's root, as the host takes them.</summary>
    public static string ExecutablePath(string appRoot)
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(appRoot, "host.json")))!["customHandler"]!["description"]!;
        var path = description["defaultExecutablePath"]!.GetValue<string>();
        return Path.IsPathRooted(path) ? path : Path.Combine(appRoot, path);
    }

    public static async Task<IHostedHandler> StartAsync(string appRoot, IDictionary<string, string?> settings)
    {
        var port = FreePort.Next();
        var start = new ProcessStartInfo(ExecutablePath(appRoot))
        {
            WorkingDirectory = appRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("FUNCTIONS_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var handler = new ExecutableHandler(Process.Start(start)!, port);
        try
        {
            // The host's readiness check: any HTTP answer on GET / (DefaultHttpWorkerService.IsWorkerReady).
            await Eventually.TrueAsync(
                async () =>
                {
                    if (handler._process.HasExited)
                    {
                        throw new InvalidOperationException($"The executable exited with {handler._process.ExitCode}:\n{string.Join('\n', handler._logs)}");
                    }

                    try
                    {
                        using var response = await handler.Http.GetAsync("/");
                        return true;
                    }
                    catch (HttpRequestException)
                    {
                        return false;
                    }
                },
                "the executable to answer GET /",
                TimeSpan.FromSeconds(120)); // a wait, not a speed check: start-up is measured in benchmarks/results/
            return handler;
        }
        catch
        {
            await handler.DisposeAsync();
            throw;
        }
    }

    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        // SIGTERM, by this process's own id: ASP.NET Core's console lifetime turns it into a graceful stop.
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))!)
        {
            await kill.WaitForExitAsync();
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _logs.Enqueue(line);
        }
    }
}
