using System.Diagnostics;

namespace CareersPipeline.LoadTests;

/// <summary>One operation's outcome: when it ended (Stopwatch ticks), how long it took in ms, and whether it succeeded.</summary>
internal readonly record struct Sample(double LatencyMs, bool Ok, string? Error, double StartedAtSeconds = 0);

/// <summary>One of a phase's slowest requests: how long it took and when in the phase it started.</summary>
internal sealed record SlowRequest(double LatencyMs, double StartedAtSeconds);

/// <summary>Latency distribution of the successful operations of a phase (nearest-rank percentiles).</summary>
internal sealed record LatencyStats(int Count, double Mean, double P50, double P90, double P95, double P99, double Max)
{
    public static LatencyStats From(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyStats(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new LatencyStats(sorted.Length, sorted.Average(), At(0.50), At(0.90), At(0.95), At(0.99), sorted[^1]);
    }
}

/// <summary>What a load phase measured. Throughput counts successful operations only.</summary>
internal sealed record PhaseResult(
    string Name,
    int Attempted,
    int Succeeded,
    int Failed,
    double Seconds,
    double Throughput,
    LatencyStats Latency,
    IReadOnlyDictionary<string, int> Errors,
    IReadOnlyList<SlowRequest> Slowest)
{
    public static PhaseResult From(string name, IReadOnlyList<Sample> samples, double seconds)
    {
        var ok = samples.Where(s => s.Ok).ToList();
        var errors = samples.Where(s => !s.Ok)
            .GroupBy(s => s.Error ?? "unknown")
            .ToDictionary(g => g.Key, g => g.Count());
        var slowest = samples.OrderByDescending(s => s.LatencyMs).Take(5).Select(s => new SlowRequest(s.LatencyMs, s.StartedAtSeconds)).ToList();
        return new PhaseResult(name, samples.Count, ok.Count, samples.Count - ok.Count, seconds, ok.Count / seconds, LatencyStats.From(ok.Select(s => s.LatencyMs)), errors, slowest);
    }
}

internal static class Load
{
    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> workers each start the next operation as soon as their last one ends,
    /// until <paramref name="count"/> have run, or until <paramref name="limit"/> has passed (then the operations in flight
    /// finish and no more start). Measures the sustained rate at that concurrency.
    /// </summary>
    public static async Task<(Sample[] Samples, double Seconds)> ClosedLoopAsync(int count, int concurrency, Func<int, Task<(bool Ok, string? Error)>> operation, TimeSpan? limit = null)
    {
        var samples = new Sample[count];
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var deadline = limit is { } l ? started + (long)(l.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while (Stopwatch.GetTimestamp() < deadline && (i = Interlocked.Increment(ref next)) < count)
            {
                var t0 = Stopwatch.GetTimestamp();
                var (ok, error) = await Guard(operation, i);
                samples[i] = new Sample(Stopwatch.GetElapsedTime(t0).TotalMilliseconds, ok, error, Stopwatch.GetElapsedTime(started, t0).TotalSeconds);
            }
        }));
        await Task.WhenAll(workers);
        var taken = Math.Min(Volatile.Read(ref next) + 1, count);
        return (samples[..taken], Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Open loop: operation i is due at start + i / rate whether or not earlier ones have finished, and its latency is
    /// measured from when it was due, so a stall is charged to every request that queued behind it (no coordinated
    /// omission). Returns the achieved send rate too, in case the harness itself could not keep up.
    /// </summary>
    public static async Task<(Sample[] Samples, double Seconds, double SendRate)> OpenLoopAsync(int count, double rate, Func<int, Task<(bool Ok, string? Error)>> operation)
    {
        var samples = new Sample[count];
        var tasks = new Task[count];
        var interval = Stopwatch.Frequency / rate;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var due = started + (long)(i * interval);
            while (true)
            {
                var waitMs = (due - Stopwatch.GetTimestamp()) * 1000.0 / Stopwatch.Frequency;
                if (waitMs <= 0)
                {
                    break;
                }

                if (waitMs > 2)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(waitMs - 1));
                }
                else
                {
                    Thread.Yield();
                }
            }

            var index = i;
            tasks[i] = Task.Run(async () =>
            {
                var (ok, error) = await Guard(operation, index);
                samples[index] = new Sample(Stopwatch.GetElapsedTime(due).TotalMilliseconds, ok, error, Stopwatch.GetElapsedTime(started, due).TotalSeconds);
            });
        }

        var sendSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        await Task.WhenAll(tasks);
        return (samples, Stopwatch.GetElapsedTime(started).TotalSeconds, count > 1 ? (count - 1) / sendSeconds : rate);
    }

    private static async Task<(bool, string?)> Guard(Func<int, Task<(bool Ok, string? Error)>> operation, int i)
    {
        try
        {
            return await operation(i);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Azure.RequestFailedException or IOException)
        {
            return (false, e is Azure.RequestFailedException r ? $"storage {r.Status} {r.ErrorCode}" : e.GetType().Name);
        }
    }
}

/// <summary>
/// CPU time used by each of the harness's processes during a phase, plus what every other process on the machine used
/// (from /proc/stat), so a run disturbed by something else on the machine shows it.
/// </summary>
internal sealed class CpuMeter(IReadOnlyList<(string Name, Func<TimeSpan> Read)> processes)
{
    public const string Others = "others";

    public Snapshot Start() => new(processes, processes.Select(p => p.Read()).ToArray(), MachineTicks.Read(), Stopwatch.GetTimestamp());

    internal sealed class Snapshot(IReadOnlyList<(string Name, Func<TimeSpan> Read)> processes, TimeSpan[] before, MachineTicks machineBefore, long started)
    {
        /// <summary>Per process: CPU seconds, and share of the whole machine (100% = every core busy).</summary>
        public IReadOnlyList<CpuUse> Stop()
        {
            var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var uses = processes.Select((p, i) =>
            {
                var cpu = (p.Read() - before[i]).TotalSeconds;
                return new CpuUse(p.Name, cpu, 100 * cpu / (wall * Environment.ProcessorCount));
            }).ToList();
            if (machineBefore.Valid && MachineTicks.Read() is { Valid: true } after)
            {
                var busySeconds = (after.Busy - machineBefore.Busy) / 100.0;
                var others = Math.Max(0, busySeconds - uses.Sum(u => u.CpuSeconds));
                uses.Add(new CpuUse(Others, others, 100 * others / (wall * Environment.ProcessorCount)));
            }

            return uses;
        }
    }
}

/// <summary>The machine's busy time in USER_HZ ticks (1/100 s) from the first line of /proc/stat.</summary>
internal readonly record struct MachineTicks(long Busy, bool Valid)
{
    public static MachineTicks Read()
    {
        try
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var values = fields.Skip(1).Take(8).Select(long.Parse).ToArray();

            // user nice system idle iowait irq softirq steal: busy is everything except idle and iowait.
            return new MachineTicks(values.Sum() - values[3] - values[4], true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return new MachineTicks(0, false);
        }
    }
}

internal sealed record CpuUse(string Process, double CpuSeconds, double MachinePercent);
