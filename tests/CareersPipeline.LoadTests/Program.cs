using System.Diagnostics;
using System.Globalization;

namespace CareersPipeline.LoadTests;

/// <summary>
/// The sign-up load harness. Starts a fake postcodes.io and, for each round, its own Azurite and the Release-built app,
/// then measures raw storage throughput, sign-up throughput at the same concurrency, latency at half the sustained rate,
/// sign-up to email hand-over, and process start to first answer. Writes benchmarks/results/signup-load.{md,json}.
/// Exit code 0 whether or not targets are met (it is a report); 1 when the harness could not run; 2 for bad arguments.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        HarnessOptions options;
        try
        {
            options = HarnessOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}{Environment.NewLine}{HarnessOptions.Usage}");
            return 2;
        }

        if (options.Help)
        {
            Console.WriteLine(HarnessOptions.Usage);
            return 0;
        }

        // Never leave Azurite or an app behind, whatever ends the run.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Child.KillAll();
        Console.CancelKeyPress += (_, _) => Child.KillAll();

        try
        {
            var report = await RunAsync(options, args);
            var (md, json) = ReportWriter.Write(report, options.OutDir ?? Path.Combine(report.Root, "benchmarks", "results"));
            Console.WriteLine();
            Console.WriteLine(ReportWriter.Console(report));
            Console.WriteLine($"Wrote {md}");
            Console.WriteLine($"Wrote {json}");
            return 0;
        }
        catch (HarnessException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
#pragma warning disable CA1031 // The harness reports any failure as exit code 1 rather than crash with children left running.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"error: the harness failed: {e}");
            return 1;
        }
        finally
        {
            Child.KillAll();
        }
    }

    private static async Task<Report> RunAsync(HarnessOptions o, string[] args)
    {
        var root = Repo.FindRoot();
        var appDir = Path.GetFullPath(o.AppDir ?? Path.Combine(root, "functions", "CareersPipeline.Functions", "bin", "Release", "net10.0"));
        if (!File.Exists(Path.Combine(appDir, AppLauncher.DllName)))
        {
            throw new HarnessException($"{AppLauncher.DllName} not found in {appDir}. Build it first: scripts/bench does (dotnet build -c Release).");
        }

        // The self-contained publish output, as Flex Consumption's custom runtime starts it: measured for start-up too.
        var selfContainedDir = Path.GetFullPath(o.SelfContainedDir ?? Path.Combine(root, "artifacts", "bench", "self-contained"));
        var selfContained = File.Exists(Path.Combine(selfContainedDir, AppLauncher.ExecutableName)) ? selfContainedDir : null;
        if (selfContained is null)
        {
            Say($"No self-contained executable in {selfContainedDir}: its start-up is not measured (scripts/bench publishes it there).");
        }

        var started = TimeProvider.System.GetUtcNow();
        var command = Environment.GetEnvironmentVariable("BENCH_COMMAND") is { Length: > 0 } c
            ? c
            : "dotnet CareersPipeline.LoadTests.dll " + string.Join(' ', args);
        Say($"Sign-up load harness: concurrency {o.Concurrency}, {o.Requests} requests, {Environment.ProcessorCount} cores");

        // What the rest of the machine is doing before we start: it may be shared.
        var quietOthers = await OthersAsync();
        var waitedForQuiet = Stopwatch.StartNew();
        while (quietOthers >= 15 && waitedForQuiet.Elapsed.TotalSeconds < o.QuietWait)
        {
            Say($"Other processes are using {quietOthers:0}% of the machine; waiting for it to be quieter ({o.QuietWait - waitedForQuiet.Elapsed.TotalSeconds:0} s left)");
            quietOthers = await OthersAsync();
        }

        Say($"Other processes are using {quietOthers:0}% of the machine");

        using var postcodes = new FakePostcodes();
        if (Environment.GetEnvironmentVariable("BENCH_STARTUP_ONLY") == "1")
        {
            // Diagnostics: start-up alone, printed and not written, for comparing app settings quickly (BENCH_APP_*).
            await using var azurite = await Azurite.StartAsync(root);
            var launcher = new AppLauncher(appDir, azurite.ConnectionString, postcodes.BaseUrl);
            foreach (var (variant, hosted) in StartupVariants(launcher, selfContained))
            {
                var s = await StartupProbe.MeasureAsync(variant, hosted, Math.Max(1, o.StartupRuns));
                Say($"start-up {s.Mode}, {s.Build}: median {s.Median:0} ms, max {s.Max:0} ms ({string.Join(", ", s.Runs.Select(r => r.FirstAnswerMs.ToString("0", CultureInfo.InvariantCulture)))}); listening median {s.ListeningMedian:0} ms");
            }

            throw new HarnessException("BENCH_STARTUP_ONLY=1: start-up measured and printed; no report written.");
        }

        var phases = new List<PhaseReport>();
        var startups = new List<StartupResult>();
        string azuriteVersion;

        // Round 1, intake only: the app in hosted mode has no queue listeners (the Functions host would run them), so a
        // sign-up costs exactly what the raw baseline does plus the app's own work. Nothing consumes a message, so Azurite's
        // queue sweep has nothing to delete and cannot stall this round. Start-up is measured first, on the idle machine.
        await using (var round = await Round.StartAsync("intake", root, appDir, postcodes, hosted: true, beforeApp: async launcher =>
        {
            if (o.StartupRuns > 0)
            {
                foreach (var (variant, hosted) in StartupVariants(launcher, selfContained))
                {
                    Say($"Start-up, {(hosted ? "hosted" : "local")} mode, {variant.Build} ({variant.Command}): {o.StartupRuns} runs after one discarded");
                    var s = await StartupProbe.MeasureAsync(variant, hosted, o.StartupRuns);
                    startups.Add(s);
                    Say($"  first answer: median {s.Median:0} ms, max {s.Max:0} ms ({string.Join(", ", s.Runs.Select(r => r.FirstAnswerMs.ToString("0", CultureInfo.InvariantCulture)))}); port listening after {s.ListeningMedian:0} ms (median)");
                }
            }
        }))
        {
            azuriteVersion = round.Azurite.Version;
            var (rawRate, signUpRate) = await round.WarmUpAsync(o.Warmup, o.Concurrency, withRaw: true);
            await round.EnsureWindowAsync(Estimate(o.Requests, rawRate) + Estimate(o.Requests, signUpRate));
            phases.Add(await round.MeasureAsync("raw-intake", "Raw Azurite (insert + send), intake round", async () =>
                Phase(await Load.ClosedLoopAsync(o.Requests, o.Concurrency, i => round.Raw.SignUpAsync("raw", i)))));
            phases.Add(await round.MeasureAsync("signups-hosted", "Sign-ups, closed loop, hosted mode (intake only)", async () =>
                Phase(await Load.ClosedLoopAsync(o.Requests, o.Concurrency, i => Ok(round.Client.SignUpAsync("closed", i)), round.Window()))));
        }

        // Round 2, the whole local app: the same two phases with the app's queue listeners processing every sign-up
        // (postcode lookup, applicant update, email to the outbox) on the same cores and the same Azurite. Single sign-ups
        // on the idle app first, while waiting for a clean minute before the sweep.
        EmailResult? trickle = null;
        int backlog;
        await using (var round = await Round.StartAsync("system", root, appDir, postcodes, hosted: false))
        {
            var (rawRate, signUpRate) = await round.WarmUpAsync(o.Warmup, o.Concurrency, withRaw: true);
            await round.DrainAsync("warm-up");
            if (o.TrickleCount > 0)
            {
                Say($"Email hand-over on an idle app: {o.TrickleCount} single sign-ups, {IdleGap.TotalSeconds:0} s apart");
                trickle = await TrickleAsync(round, o.TrickleCount);
                Say($"  p50 {Ms(trickle.Latency.P50)}, p95 {Ms(trickle.Latency.P95)}, max {Ms(trickle.Latency.Max)}");
            }

            await round.EnsureWindowAsync(Estimate(o.Requests, rawRate));
            phases.Add(await round.MeasureAsync("raw-system", "Raw Azurite (insert + send), system round", async () =>
                Phase(await Load.ClosedLoopAsync(o.Requests, o.Concurrency, i => round.Raw.SignUpAsync("raw", i)))));

            // Local mode is slow enough that N sign-ups can outlast the minute between sweeps: start right after a sweep and
            // stop taking new requests before the next one, so no sweep lands in the measurement.
            await round.EnsureWindowAsync(Estimate(o.Requests, signUpRate));
            phases.Add(await round.MeasureAsync("signups-local", "Sign-ups, closed loop, local mode (pipeline running)", async () =>
                Phase(await Load.ClosedLoopAsync(o.Requests, o.Concurrency, i => Ok(round.Client.SignUpAsync("closed", i)), round.Window()))));
            backlog = await round.BacklogAsync();
            Say($"  pipeline backlog when the phase ended: {backlog} messages in the signups and emails queues");
        }

        var sustained = phases.Single(p => p.Key == "signups-local").Result.Throughput;
        var pacedRate = sustained / 2;

        // Round 3, latency: a fresh Azurite so the paced and email phases fit in one clean minute between sweeps.
        EmailResult email;
        int pacedBacklog;
        await using (var round = await Round.StartAsync("latency", root, appDir, postcodes, hosted: false))
        {
            await round.WarmUpAsync(Math.Min(o.Warmup, 200), o.Concurrency, withRaw: false);
            await round.DrainAsync("warm-up");
            await round.EnsureWindowAsync(TimeSpan.FromSeconds(o.PacedSeconds + 10 + (o.EmailCount / o.EmailRate)));

            var pacedCount = Math.Max(1, (int)Math.Round(pacedRate * o.PacedSeconds));
            Say($"Sign-ups, paced (open loop): {pacedCount} at {pacedRate:0.0}/s (50% of {sustained:0.0}/s) for {o.PacedSeconds} s");
            phases.Add(await round.MeasureAsync("paced", "Sign-ups, paced at 50% of sustained, local mode", async () =>
            {
                var run = await Load.OpenLoopAsync(pacedCount, pacedRate, i => Ok(round.Client.SignUpAsync("paced", i)));
                return (PhaseResult.From("paced", run.Samples, run.Seconds), run.SendRate);
            }));
            pacedBacklog = await round.BacklogAsync();
            Say($"  sent at {phases[^1].AchievedSendRate:0.0}/s; pipeline backlog when the phase ended: {pacedBacklog}");
            await round.DrainAsync("paced");

            Say($"Email hand-over: {o.EmailCount} sign-ups at {o.EmailRate:0}/s, each followed to the outbox");
            email = await EmailLatencyAsync(round, "email", o.EmailCount, o.EmailRate);
            Say($"  p50 {Ms(email.Latency.P50)}, p95 {Ms(email.Latency.P95)}, max {Ms(email.Latency.Max)} ({email.Missing} not handed over)");
        }

        return new Report(
            root,
            command,
            started,
            TimeProvider.System.GetUtcNow() - started,
            o,
            Machine.Describe(azuriteVersion, root),
            phases,
            backlog,
            pacedBacklog,
            pacedRate,
            email,
            trickle,
            startups,
            quietOthers,
            postcodes.Requests);
    }

    private static readonly TimeSpan IdleGap = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The Release build in both modes, then the self-contained publish output in hosted mode only: that is how Azure
    /// starts it (no local mode there).
    /// </summary>
    private static IEnumerable<(AppLauncher Launcher, bool Hosted)> StartupVariants(AppLauncher build, string? selfContainedDir)
    {
        yield return (build, true);
        yield return (build, false);
        if (selfContainedDir is not null)
        {
            yield return (build.SelfContained(selfContainedDir), true);
        }
    }

    private static async Task<double> OthersAsync()
    {
        var meter = new CpuMeter([]).Start();
        await Task.Delay(TimeSpan.FromSeconds(3));
        return meter.Stop().FirstOrDefault(u => u.Process == CpuMeter.Others)?.MachinePercent ?? 0;
    }

    private static TimeSpan Estimate(int count, double rate) => TimeSpan.FromSeconds(count / Math.Max(rate, 1) * 1.2);

    private static (PhaseResult, double?) Phase((Sample[] Samples, double Seconds) run) => (PhaseResult.From("closed", run.Samples, run.Seconds), null);

    private static async Task<(bool, string?)> Ok(Task<SignUpAnswer> answer)
    {
        var a = await answer;
        return (a.Ok, a.Error);
    }

    /// <summary>
    /// Posts sign-ups at a steady rate, notes the wall-clock time each 202 arrived, and then reads the outbox for the email each
    /// produced. Latency = outbox item's createdAt (stamped by the app as it hands the email over) - 202 received (same clock).
    /// </summary>
    private static async Task<EmailResult> EmailLatencyAsync(Round round, string phase, int count, double rate)
    {
        var accepted = new (string? Id, DateTimeOffset At)[count];
        var run = await Load.OpenLoopAsync(count, rate, async i =>
        {
            var answer = await round.Client.SignUpAsync(phase, i);
            accepted[i] = (answer.ApplicantId, TimeProvider.System.GetUtcNow());
            return (answer.Ok, answer.Error);
        });
        var failed = run.Samples.Count(s => !s.Ok);
        var wanted = accepted.Where(a => a.Id is not null).ToList();
        var found = await WaitForEmailsAsync(round, wanted.Select(w => w.Id!).ToHashSet(StringComparer.Ordinal));
        var latencies = wanted.Select(w => found.TryGetValue(w.Id!, out var at) ? (at - w.At).TotalMilliseconds : double.PositiveInfinity).ToList();
        return EmailResult.From(count, failed, latencies);
    }

    /// <summary>Single sign-ups with the app idle in between, so the queue listeners have backed off to their slowest polling.</summary>
    private static async Task<EmailResult> TrickleAsync(Round round, int count)
    {
        var latencies = new List<double>();
        var failed = 0;
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(IdleGap);
            var answer = await round.Client.SignUpAsync("idle", i);
            var at = TimeProvider.System.GetUtcNow();
            if (answer.ApplicantId is null)
            {
                failed++;
                continue;
            }

            var found = await WaitForEmailsAsync(round, new HashSet<string>(StringComparer.Ordinal) { answer.ApplicantId });
            latencies.Add(found.TryGetValue(answer.ApplicantId, out var sent) ? (sent - at).TotalMilliseconds : double.PositiveInfinity);
        }

        return EmailResult.From(count, failed, latencies);
    }

    /// <summary>
    /// Waits for the queues to empty (cheap to check), then reads the outbox, which costs the app one blob download per
    /// listed email, so it is read rarely. Gives up after a minute; what is missing by then counts as never handed over.
    /// </summary>
    private static async Task<Dictionary<string, DateTimeOffset>> WaitForEmailsAsync(Round round, HashSet<string> ids)
    {
        var clock = Stopwatch.StartNew();
        var found = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            round.ThrowIfAppExited();
            if (await round.BacklogAsync() == 0)
            {
                foreach (var (id, at) in await round.Client.OutboxAsync(CancellationToken.None))
                {
                    if (ids.Contains(id))
                    {
                        found[id] = at;
                    }
                }

                if (found.Count == ids.Count)
                {
                    return found;
                }

                await Task.Delay(500);
            }
            else
            {
                await Task.Delay(50);
            }
        }

        return found;
    }

    internal static string Ms(double ms) => double.IsPositiveInfinity(ms) ? "not handed over" : $"{ms:0} ms";

    internal static void Say(string message) => Console.WriteLine($"==> {message}");
}
