using System.Diagnostics;
using System.Net;

namespace CareersPipeline.LoadTests;

/// <summary>One start-up: from just before the process is created to the first HTTP answer (any status), and to a healthy one.</summary>
internal sealed record StartupRun(double ListeningMs, double FirstAnswerMs, int FirstStatus, double? HealthyMs);

internal sealed record StartupResult(string Mode, string Probe, IReadOnlyList<StartupRun> Runs, string Build = "framework-dependent", string Command = "dotnet CareersPipeline.Functions.dll")
{
    public double Median => Percentile.Median(Runs.Select(r => r.FirstAnswerMs));

    public double Max => Runs.Count == 0 ? double.NaN : Runs.Max(r => r.FirstAnswerMs);

    /// <summary>Median time until the port accepted a connection: the rest of the first answer is the first request's own cost.</summary>
    public double ListeningMedian => Percentile.Median(Runs.Select(r => r.ListeningMs));

    public double? HealthyMedian => Runs.All(r => r.HealthyMs is not null) && Runs.Count > 0 ? Percentile.Median(Runs.Select(r => r.HealthyMs!.Value)) : null;
}

internal static class Percentile
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

/// <summary>
/// Starts the app again and again and polls it every few milliseconds, the way the Functions host probes a custom handler
/// (hosted: GET /), or a developer's health check (local: GET /api/health). One run is discarded first so every measured run
/// finds the files in the OS cache.
/// </summary>
internal static class StartupProbe
{
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task<StartupResult> MeasureAsync(AppLauncher launcher, bool hosted, int runs)
    {
        var measured = new List<StartupRun>();
        for (var i = 0; i <= runs; i++)
        {
            var run = await OnceAsync(launcher, hosted);
            if (i > 0)
            {
                measured.Add(run);
            }
        }

        return new StartupResult(hosted ? "hosted" : "local", hosted ? "GET /" : "GET /api/health", measured, launcher.Build, launcher.Command);
    }

    private static void ThrowIfExited(Child app)
    {
        if (app.HasExited)
        {
            throw new HarnessException($"{app.Name} exited during start-up:{Environment.NewLine}{app.Tail}");
        }
    }

    private static async Task<StartupRun> OnceAsync(AppLauncher launcher, bool hosted)
    {
        var port = Ports.Free();
        var url = new Uri(hosted ? $"http://127.0.0.1:{port}/" : $"http://127.0.0.1:{port}/api/health");
        using var http = new HttpClient(AppClient.NewHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(5) };

        var clock = Stopwatch.StartNew();
        using var app = hosted ? launcher.StartHosted(port) : launcher.StartLocal(port);
        try
        {
            // First the port (Kestrel listening), then the first HTTP answer: the gap is what the first request itself costs.
            double? listening = null;
            while (listening is null && clock.Elapsed < Limit)
            {
                ThrowIfExited(app);
                try
                {
                    using var socket = new System.Net.Sockets.TcpClient();
                    await socket.ConnectAsync(IPAddress.Loopback, port);
                    listening = clock.Elapsed.TotalMilliseconds;
                }
                catch (System.Net.Sockets.SocketException)
                {
                    await Task.Delay(PollEvery);
                }
            }

            double? first = null;
            var firstStatus = 0;
            while (clock.Elapsed < Limit)
            {
                ThrowIfExited(app);
                try
                {
                    using var response = await http.GetAsync(url);
                    first ??= clock.Elapsed.TotalMilliseconds;
                    if (firstStatus == 0)
                    {
                        firstStatus = (int)response.StatusCode;
                    }

                    if (hosted || response.StatusCode == HttpStatusCode.OK)
                    {
                        return new StartupRun(listening ?? double.NaN, first.Value, firstStatus, clock.Elapsed.TotalMilliseconds);
                    }
                }
                catch (HttpRequestException)
                {
                    // Not answering yet.
                }

                await Task.Delay(PollEvery);
            }

            return first is { } answered
                ? new StartupRun(listening ?? double.NaN, answered, firstStatus, null)
                : throw new HarnessException($"{app.Name} did not answer {url} within {Limit.TotalSeconds:0} s:{Environment.NewLine}{app.Tail}");
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
