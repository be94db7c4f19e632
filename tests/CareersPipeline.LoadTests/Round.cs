using System.Diagnostics;
using System.Net;

namespace CareersPipeline.LoadTests;

/// <summary>
/// One round: a fresh Azurite and one app process (hosted or local mode) against it, with the meters every phase needs.
/// Disposing it stops the app and Azurite.
/// </summary>
internal sealed class Round : IAsyncDisposable
{
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);
    private readonly Process _self = Process.GetCurrentProcess();

    private Round(string name, Azurite azurite, Child app, AppClient client, RawStorage raw)
    {
        Name = name;
        Azurite = azurite;
        App = app;
        Client = client;
        Raw = raw;
        Cpu = new CpuMeter([("app", () => app.CpuTime), ("Azurite", () => azurite.Process.CpuTime), ("harness", () =>
        {
            _self.Refresh();
            return _self.TotalProcessorTime;
        })]);
    }

    public string Name { get; }

    public Azurite Azurite { get; }

    public Child App { get; }

    public AppClient Client { get; }

    public RawStorage Raw { get; }

    public CpuMeter Cpu { get; }

    public static async Task<Round> StartAsync(string name, string root, string appDir, FakePostcodes postcodes, bool hosted, Func<AppLauncher, Task>? beforeApp = null)
    {
        Program.Say($"Round '{name}': starting Azurite (in memory, free ports)");
        var azurite = await Azurite.StartAsync(root);
        try
        {
            var raw = new RawStorage(azurite.ConnectionString);
            await raw.CreateAsync();
            var launcher = new AppLauncher(appDir, azurite.ConnectionString, postcodes.BaseUrl);
            if (beforeApp is not null)
            {
                await beforeApp(launcher);
            }

            var port = Ports.Free();
            var clock = Stopwatch.StartNew();
            var app = hosted ? launcher.StartHosted(port) : launcher.StartLocal(port);
            var client = new AppClient(new Uri($"http://127.0.0.1:{port}"));
            var round = new Round(name, azurite, app, client, raw);
            await round.WaitHealthyAsync();
            Program.Say($"Round '{name}': app ({(hosted ? "hosted" : "local")} mode, Release build) healthy on 127.0.0.1:{port} after {clock.ElapsedMilliseconds} ms");
            return round;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>JIT, connection pools and Azurite's tables warmed on both paths. Returns the rates seen, to plan phases.</summary>
    public async Task<(double Raw, double SignUps)> WarmUpAsync(int count, int concurrency, bool withRaw)
    {
        if (count == 0)
        {
            return (1000, 100);
        }

        Program.Say($"Warm-up: {(withRaw ? $"{count} raw operations and " : string.Empty)}{count} sign-ups at concurrency {concurrency}");
        var rawRate = 1000.0;
        if (withRaw)
        {
            var r = await Load.ClosedLoopAsync(count, concurrency, i => Raw.SignUpAsync("warm", i));
            rawRate = count / r.Seconds;
        }

        var warm = await Load.ClosedLoopAsync(count, concurrency, async i =>
        {
            var a = await Client.SignUpAsync("warm", i);
            return (a.Ok, a.Error);
        });
        var result = PhaseResult.From("warm-up", warm.Samples, warm.Seconds);
        if (result.Failed > 0)
        {
            throw new HarnessException($"Warm-up sign-ups failed ({string.Join(", ", result.Errors.Select(e => $"{e.Value} x {e.Key}"))}); the app is not accepting sign-ups:{Environment.NewLine}{App.Tail}");
        }

        return (rawRate, result.Throughput);
    }

    /// <summary>Makes sure the next <paramref name="needed"/> fit before Azurite's next queue sweep, waiting for the sweep if not.</summary>
    public async Task EnsureWindowAsync(TimeSpan needed)
    {
        var left = Azurite.Watch.UntilNextSweep();
        if (left >= needed)
        {
            return;
        }

        Program.Say($"Waiting for Azurite's queue sweep (due in {left.TotalSeconds:0} s) so the next {needed.TotalSeconds:0} s of measuring run between sweeps");
        var waited = await Azurite.Watch.WaitForSweepAsync();
        Program.Say($"  waited {waited.TotalSeconds:0.0} s");
    }

    /// <summary>How long a phase may take new requests before Azurite's next sweep is due (with a margin for those in flight).</summary>
    public TimeSpan Window()
    {
        var window = Azurite.Watch.UntilNextSweep() - TimeSpan.FromSeconds(3);
        return window > TimeSpan.FromSeconds(10) ? window : TimeSpan.FromSeconds(10);
    }

    /// <summary>Runs a phase with CPU and Azurite stalls recorded around it.</summary>
    public async Task<PhaseReport> MeasureAsync(string key, string name, Func<Task<(PhaseResult Result, double? SendRate)>> phase)
    {
        Program.Say(name);
        var meter = Cpu.Start();
        var from = Stopwatch.GetTimestamp();
        var (result, sendRate) = await phase();
        var to = Stopwatch.GetTimestamp();
        var cpu = meter.Stop();
        var (stalled, longest) = Azurite.Watch.StallsBetween(from, to);
        var report = new PhaseReport(key, Name, result with { Name = name }, cpu, sendRate, stalled, longest);
        var r = report.Result;
        Program.Say($"  {r.Succeeded}/{r.Attempted} ok in {r.Seconds:0.00} s = {r.Throughput:0.0}/s; p50 {r.Latency.P50:0.0} ms, p95 {r.Latency.P95:0.0} ms, p99 {r.Latency.P99:0.0} ms"
            + (r.Failed > 0 ? $"; errors: {string.Join(", ", r.Errors.Select(e => $"{e.Value} x {e.Key}"))}" : string.Empty)
            + $"; CPU {string.Join(", ", cpu.Select(c => $"{c.Process} {c.MachinePercent:0}%"))}"
            + (stalled > 0 ? $"; Azurite stalled {stalled:0.0} s (longest {longest:0.0} s)" : string.Empty));
        if (r.Latency.Max > 3 * Math.Max(r.Latency.P95, 1))
        {
            Program.Say($"  slowest: {string.Join(", ", r.Slowest.Select(x => $"{x.LatencyMs:0} ms at {x.StartedAtSeconds:0.0} s"))}");
        }

        return report;
    }

    /// <summary>Messages waiting or in flight in the pipeline's queues (Azurite counts invisible ones too).</summary>
    public async Task<int> BacklogAsync() => await Raw.DepthAsync("signups") + await Raw.DepthAsync("emails");

    /// <summary>Waits until the sign-up and email queues stay empty for a second; returns how long that took.</summary>
    public async Task<double> DrainAsync(string after)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? emptySince = null;
        while (clock.Elapsed < DrainLimit)
        {
            ThrowIfAppExited();
            if (await BacklogAsync() == 0)
            {
                emptySince ??= clock.Elapsed;
                if (clock.Elapsed - emptySince >= TimeSpan.FromSeconds(1))
                {
                    return emptySince.Value.TotalSeconds;
                }
            }
            else
            {
                emptySince = null;
            }

            await Task.Delay(250);
        }

        var poison = await Raw.DepthAsync("signups-poison") + await Raw.DepthAsync("emails-poison");
        throw new HarnessException($"The pipeline did not drain within {DrainLimit.TotalSeconds:0} s after the {after} phase ({poison} poison messages):{Environment.NewLine}{App.Tail}");
    }

    public void ThrowIfAppExited()
    {
        if (App.HasExited)
        {
            throw new HarnessException($"The app exited:{Environment.NewLine}{App.Tail}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        App.Dispose();
        Client.Dispose();
        await Azurite.DisposeAsync();
        _self.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            ThrowIfAppExited();
            try
            {
                var status = await Client.HealthAsync(CancellationToken.None);
                if (status == HttpStatusCode.OK)
                {
                    return;
                }

                last = $"HTTP {(int)status}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }

            await Task.Delay(100);
        }

        throw new HarnessException($"The app was not healthy within 60 s (last: {last}):{Environment.NewLine}{App.Tail}");
    }
}
