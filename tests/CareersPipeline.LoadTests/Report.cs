using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareersPipeline.LoadTests;

internal sealed record PhaseReport(
    string Key,
    string Round,
    PhaseResult Result,
    IReadOnlyList<CpuUse> Cpu,
    double? AchievedSendRate,
    double AzuriteStallSeconds,
    double AzuriteLongestStallSeconds);

internal sealed record EmailResult(int SignUps, int Failed, int Missing, LatencyStats Latency, double Min)
{
    /// <summary>Latencies in ms; an email never handed over is +infinity, so it counts against every percentile it reaches.</summary>
    public static EmailResult From(int signUps, int failed, IReadOnlyList<double> latencies) => new(
        signUps,
        failed,
        latencies.Count(double.IsPositiveInfinity),
        LatencyStats.From(latencies),
        latencies.Where(l => !double.IsPositiveInfinity(l)).DefaultIfEmpty(double.NaN).Min());
}

internal sealed record MachineInfo(int Cores, string Cpu, string Os, string Dotnet, string Azurite, string Commit, double MemoryGb);

internal sealed record Target(string Name, string Goal, string Measured, bool? Met, string Note);

internal sealed record Report(
    [property: JsonIgnore] string Root,
    string Command,
    DateTimeOffset StartedAt,
    TimeSpan Duration,
    HarnessOptions Options,
    MachineInfo Machine,
    IReadOnlyList<PhaseReport> Phases,
    int BacklogAfterClosedLoop,
    int BacklogAfterPaced,
    double PacedRate,
    EmailResult Email,
    EmailResult? EmailIdle,
    IReadOnlyList<StartupResult> Startup,
    double QuietOthersPercent,
    long PostcodeLookups)
{
    [JsonIgnore]
    public PhaseResult RawIntake => Phase("raw-intake");

    [JsonIgnore]
    public PhaseResult SignUpsHosted => Phase("signups-hosted");

    [JsonIgnore]
    public PhaseResult RawSystem => Phase("raw-system");

    [JsonIgnore]
    public PhaseResult SignUpsLocal => Phase("signups-local");

    [JsonIgnore]
    public PhaseResult Paced => Phase("paced");

    /// <summary>The target as the issue states it: the running app (local mode, its pipeline included) against raw storage.</summary>
    [JsonIgnore]
    public double ThroughputRatio => SignUpsLocal.Throughput / RawSystem.Throughput;

    /// <summary>The app's intake alone (hosted mode: no local queue listeners) against raw storage.</summary>
    [JsonIgnore]
    public double IntakeRatio => SignUpsHosted.Throughput / RawIntake.Throughput;

    [JsonIgnore]
    public IReadOnlyList<Target> Targets
    {
        get
        {
            var targets = new List<Target>
            {
                new("Sign-up throughput vs raw Azurite, same concurrency (local mode, pipeline running)", ">= 60%",
                    $"{ThroughputRatio * 100:0}% ({SignUpsLocal.Throughput:0.0}/s vs {RawSystem.Throughput:0.0}/s)",
                    ThroughputRatio >= 0.60 && FailureRate(SignUpsLocal) <= 0.01,
                    $"concurrency {Options.Concurrency}; {Counts(RawSystem, SignUpsLocal)}; the app's queue listeners process every sign-up meanwhile" + Failures(SignUpsLocal)),
                new("Sign-up throughput vs raw Azurite, same concurrency (hosted mode: intake only)", ">= 60%",
                    $"{IntakeRatio * 100:0}% ({SignUpsHosted.Throughput:0.0}/s vs {RawIntake.Throughput:0.0}/s)",
                    IntakeRatio >= 0.60 && FailureRate(SignUpsHosted) <= 0.01,
                    $"concurrency {Options.Concurrency}; {Counts(RawIntake, SignUpsHosted)}; no local listeners: the HTTP path alone, as deployed behind the Functions host" + Failures(SignUpsHosted)),
                new("Sign-up latency p99 at 50% of sustained rate", "<= 150 ms",
                    $"p99 {Paced.Latency.P99:0.0} ms (p50 {Paced.Latency.P50:0.0}, p95 {Paced.Latency.P95:0.0})",
                    Paced.Latency.P99 <= 150 && FailureRate(Paced) <= 0.01,
                    $"local mode, open loop at {PacedRate:0.0}/s for {Paced.Seconds:0} s, {Paced.Attempted} requests" + Failures(Paced)),
                new("Sign-up to email handed over, p95", "<= 2 s",
                    $"p95 {Sec(Email.Latency.P95)} (p50 {Sec(Email.Latency.P50)}, max {Sec(Email.Latency.Max)})",
                    Email.Latency.P95 <= 2000 && Email.Failed == 0,
                    $"{Email.SignUps} sign-ups at {Options.EmailRate:0}/s" + (Email.Missing > 0 ? $"; {Email.Missing} never reached the outbox" : string.Empty)),
            };
            if (EmailIdle is { } idle)
            {
                targets.Add(new("Sign-up to email handed over, p95, idle app", "<= 2 s",
                    $"p95 {Sec(idle.Latency.P95)} (p50 {Sec(idle.Latency.P50)}, max {Sec(idle.Latency.Max)})",
                    idle.Latency.P95 <= 2000 && idle.Failed == 0,
                    $"{idle.SignUps} single sign-ups, 3 s apart (listeners backed off to their slowest polling)"));
            }

            foreach (var s in Startup)
            {
                targets.Add(new($"Process start to first answer, {s.Mode} mode{(s.Build == "self-contained" ? ", self-contained executable (as deployed)" : string.Empty)} (`{s.Probe}`)", "<= 400 ms",
                    $"median {s.Median:0} ms, max {s.Max:0} ms",
                    s.Median <= 400,
                    $"{s.Runs.Count} runs; judged on the median" + (s.HealthyMedian is { } h && s.Mode == "local" ? $"; healthy (200) median {h:0} ms" : string.Empty)));
            }

            return targets;
        }
    }

    /// <summary>Set when something outside the app disturbed a measured phase: other processes, or an Azurite stall.</summary>
    [JsonIgnore]
    public string? Disturbed
    {
        get
        {
            var notes = new List<string>();
            if (QuietOthersPercent >= 10)
            {
                notes.Add($"other processes used {QuietOthersPercent:0}% of the machine before the run");
            }

            foreach (var p in Phases)
            {
                var others = p.Cpu.FirstOrDefault(c => c.Process == CpuMeter.Others)?.MachinePercent ?? 0;
                if (others >= 10)
                {
                    notes.Add($"other processes used {others:0}% of the machine during \"{p.Result.Name}\"");
                }

                if (p.AzuriteLongestStallSeconds >= 1)
                {
                    notes.Add($"Azurite stalled {p.AzuriteStallSeconds:0.0} s during \"{p.Result.Name}\"");
                }
            }

            return notes.Count == 0 ? null : string.Join("; ", notes) + ". These numbers understate the app; compare with a run on a quiet machine.";
        }
    }

    private PhaseResult Phase(string key) => Phases.Single(p => p.Key == key).Result;

    private string Counts(PhaseResult raw, PhaseResult signUps) =>
        $"{raw.Attempted} raw, {signUps.Attempted} sign-ups" + (signUps.Attempted < Options.Requests ? $" (stopped at {signUps.Seconds:0} s, before Azurite's next queue sweep)" : string.Empty);

    private static string Failures(PhaseResult r) => r.Failed > 0 ? $"; {r.Failed} failed" : string.Empty;

    private static double FailureRate(PhaseResult r) => r.Attempted == 0 ? 1 : (double)r.Failed / r.Attempted;

    internal static string Sec(double ms) => double.IsPositiveInfinity(ms) ? "never" : double.IsNaN(ms) ? "n/a" : $"{ms / 1000:0.00} s";
}

internal static class Machine
{
    public static MachineInfo Describe(string azurite, string root) => new(
        Environment.ProcessorCount,
        CpuModel(),
        RuntimeInformation.OSDescription + " " + RuntimeInformation.OSArchitecture,
        RuntimeInformation.FrameworkDescription,
        azurite,
        Commit(root),
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1e9, 1));

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Commit(string root)
    {
        try
        {
            var info = new System.Diagnostics.ProcessStartInfo("git", ["-C", root, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = System.Diagnostics.Process.Start(info)!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head + " (plus uncommitted changes, if any)" : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}

internal static class ReportWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static (string Markdown, string Json) Write(Report report, string directory)
    {
        Directory.CreateDirectory(directory);
        var md = Path.Combine(directory, "signup-load.md");
        var json = Path.Combine(directory, "signup-load.json");
        File.WriteAllText(md, Markdown(report));
        File.WriteAllText(json, JsonSerializer.Serialize(new { report, targets = report.Targets, throughputRatio = report.ThroughputRatio, intakeRatio = report.IntakeRatio, disturbed = report.Disturbed }, JsonOptions) + "\n");
        return (md, json);
    }

    public static string Console(Report r) => TargetsTable(r) + "\n" + PhasesTable(r) + (r.Disturbed is { } d ? $"\nWarning: {d}\n" : string.Empty);

    private static string Markdown(Report r)
    {
        var m = r.Machine;
        var o = r.Options;
        var b = new StringBuilder();
        b.AppendLine("# Sign-up load test").AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Generated by `tests/CareersPipeline.LoadTests` on {r.StartedAt:yyyy-MM-dd HH:mm} UTC (run took {r.Duration.TotalSeconds:0} s).").AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{r.Command}`");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {m.Cores} cores ({m.Cpu}), {m.MemoryGb} GB, {m.Os}");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Runtime: {m.Dotnet}; app: Release build (`functions/CareersPipeline.Functions/bin/Release/net10.0`); Azurite {m.Azurite} (npm, in memory); commit {m.Commit}");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Settings: concurrency {o.Concurrency}, {o.Requests} requests per closed-loop phase, {o.Warmup} warm-up, paced {o.PacedSeconds} s, {o.EmailCount} email sign-ups at {o.EmailRate:0}/s, {o.TrickleCount} idle sign-ups, {o.StartupRuns} start-ups per mode and build");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Other processes on the machine used {r.QuietOthersPercent:0}% of it just before the measured phases (column \"CPU others\" below for each phase).");
        if (r.Disturbed is { } disturbed)
        {
            b.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"> **Warning:** {disturbed}");
        }

        b.AppendLine();
        b.AppendLine("## Targets").AppendLine();
        b.Append(TargetsTable(r)).AppendLine();
        b.AppendLine("## Phases").AppendLine();
        b.AppendLine("Each round starts its own Azurite and app. Latencies in ms, successful requests only (paced phase: from when each request was due, so queueing counts). CPU: share of the whole machine (100% = every core busy) used by each process during the phase; \"others\" is every other process on the machine. Azurite stalls: time its event loop did not answer during the phase.").AppendLine();
        b.Append(PhasesTable(r)).AppendLine();
        b.AppendLine("## Background pipeline").AppendLine();
        b.AppendLine("In local mode each accepted sign-up is then processed by the app's own queue listeners (sign-up queue, postcode lookup, applicant update, email queue, outbox blob, applicant update) on the same cores and the same Azurite as the intake.").AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"- Messages still in the signups and emails queues when the closed-loop phase ended: {r.BacklogAfterClosedLoop} (of {2 * o.Requests} it generates); when the paced phase ended: {r.BacklogAfterPaced}.");
        b.AppendLine(CultureInfo.InvariantCulture, $"- Postcode lookups answered by the fake postcodes.io: {r.PostcodeLookups}.");
        b.AppendLine();
        b.AppendLine("## Email hand-over").AppendLine();
        b.AppendLine("Latency per applicant = the outbox item's `createdAt` (stamped by the app when it hands the email over) minus the time the harness received the 202 (same machine clock), read from `GET /dev/outbox.json`.").AppendLine();
        b.AppendLine("| Run | Sign-ups | Failed | Not handed over | min | p50 | p90 | p95 | p99 | max |");
        b.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        EmailRow(b, $"{r.Email.SignUps} at {o.EmailRate:0}/s", r.Email);
        if (r.EmailIdle is { } idle)
        {
            EmailRow(b, "idle app, one at a time", idle);
        }

        b.AppendLine();
        if (r.Startup.Count > 0)
        {
            b.AppendLine("## Start-up").AppendLine();
            b.AppendLine("`dotnet CareersPipeline.Functions.dll` from the Release build output (framework-dependent), and `./CareersPipeline.Functions` from `dotnet publish` (self-contained for linux-x64: what Flex Consumption's `custom` runtime starts, in hosted mode), each timed from just before the process is created to the first HTTP answer of any status, polling every 2 ms; one discarded run first so the files are in the OS cache. \"Port listening\" is when Kestrel first accepted a connection; the rest of the first answer is the first request's own cost (routing builds every endpoint then).").AppendLine();
            b.AppendLine("| Mode | Build | Command | Probe | Runs (ms) | Median | Max | Port listening (median) | Healthy (200) median |");
            b.AppendLine("|---|---|---|---|---|---:|---:|---:|---:|");
            foreach (var s in r.Startup)
            {
                b.AppendLine(CultureInfo.InvariantCulture,
                    $"| {s.Mode} | {s.Build} | `{s.Command}` | `{s.Probe}` | {string.Join(", ", s.Runs.Select(x => x.FirstAnswerMs.ToString("0", CultureInfo.InvariantCulture)))} | {s.Median:0} ms | {s.Max:0} ms | {s.ListeningMedian:0} ms | {(s.HealthyMedian is { } h ? $"{h:0} ms" : "-")} |");
            }

            b.AppendLine();
        }

        b.AppendLine("## Method").AppendLine();
        b.AppendLine("- Every round starts its own Azurite (`--inMemoryPersistence --skipApiVersionCheck --loose`) on free loopback ports and the Release-built app against it; a fake postcodes.io (`POST /postcodes`) answers lookups; the app's timers are moved out of the run window. The harness, the app and Azurite share the machine's cores.");
        b.AppendLine("- Round *intake*: start-ups first, then the app in hosted mode (`FUNCTIONS_CUSTOMHANDLER_PORT`), which maps the same HTTP functions but runs no queue listeners: raw, then sign-ups. Round *system*: the app in local mode (`--urls`), listeners running: idle single sign-ups, raw, then sign-ups. Round *latency*: local mode again: the paced phase, then the email phase.");
        b.AppendLine("- Raw: `TableClient.AddEntityAsync` of an entity with the applicant row's properties and key shape (unique PartitionKey, RowKey `applicant`), then `QueueClient.SendMessageAsync` (base64) of `{\"applicantId\":...}`, into a table and queue nothing reads.");
        b.AppendLine("- Sign-ups: `POST /api/signups/website` with a valid body and a unique email; success is a 202 with an applicant id that is not a repeat. Closed loop: each of C workers sends its next request when the last one answers. Paced: open loop at half the local-mode closed-loop rate.");
        b.AppendLine("- Azurite (in memory) sweeps consumed queue messages every 60 s in time that grows with the square of their number, and blob, queue and table all wait meanwhile (3 s after 1,000 messages, 16 s after 2,000, over a minute after 4,000, measured here). Measured phases are scheduled between sweeps and a watchdog request every 100 ms records any stall; a stall inside a phase is reported with it. Azurite's tables also find rows by scanning (its index is on RowKey, the same for every applicant), so table operations slow down as the table grows; raw and sign-up phases therefore start from tables of the same size.");
        b.AppendLine("- Targets are measured and reported, never asserted: the harness exits 0 whether or not they are met.");
        return b.ToString();
    }

    private static void EmailRow(StringBuilder b, string name, EmailResult e) =>
        b.AppendLine(CultureInfo.InvariantCulture,
            $"| {name} | {e.SignUps} | {e.Failed} | {e.Missing} | {Report.Sec(e.Min)} | {Report.Sec(e.Latency.P50)} | {Report.Sec(e.Latency.P90)} | {Report.Sec(e.Latency.P95)} | {Report.Sec(e.Latency.P99)} | {Report.Sec(e.Latency.Max)} |");

    private static string TargetsTable(Report r)
    {
        var b = new StringBuilder();
        b.AppendLine("| Target | Goal | Measured | Result | Conditions |");
        b.AppendLine("|---|---|---|---|---|");
        foreach (var t in r.Targets)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"| {t.Name} | {t.Goal} | {t.Measured} | {(t.Met switch { true => "PASS", false => "**MISS**", null => "n/a" })} | {t.Note} |");
        }

        return b.ToString();
    }

    private static string PhasesTable(Report r)
    {
        var b = new StringBuilder();
        b.AppendLine("| Round | Phase | Requests | OK | Failed | Seconds | Throughput/s | p50 | p95 | p99 | max | CPU app | CPU Azurite | CPU harness | CPU others | Azurite stalls |");
        b.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in r.Phases)
        {
            var x = p.Result;
            string C(string process) => p.Cpu.FirstOrDefault(c => c.Process == process) is { } c ? $"{c.MachinePercent:0}%" : "-";
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Round} | {x.Name} | {x.Attempted} | {x.Succeeded} | {x.Failed} | {x.Seconds:0.00} | {x.Throughput:0.0} | {x.Latency.P50:0.0} | {x.Latency.P95:0.0} | {x.Latency.P99:0.0} | {x.Latency.Max:0.0} | {C("app")} | {C("Azurite")} | {C("harness")} | {C(CpuMeter.Others)} | {(p.AzuriteStallSeconds > 0 ? $"{p.AzuriteStallSeconds:0.0} s" : "none")} |");
        }

        b.AppendLine().AppendLine("Slowest requests (latency at seconds into the phase):").AppendLine();
        foreach (var p in r.Phases)
        {
            b.AppendLine(CultureInfo.InvariantCulture, $"- {p.Result.Name}: {string.Join(", ", p.Result.Slowest.Select(x => $"{x.LatencyMs:0} ms at {x.StartedAtSeconds:0.0} s"))}");
        }

        foreach (var p in r.Phases.Where(p => p.Result.Failed > 0))
        {
            b.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Errors in {p.Result.Name}: {string.Join(", ", p.Result.Errors.Select(e => $"{e.Value} x {e.Key}"))}");
        }

        return b.ToString();
    }

}
