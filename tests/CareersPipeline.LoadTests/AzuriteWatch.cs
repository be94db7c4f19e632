using System.Diagnostics;

namespace CareersPipeline.LoadTests;

/// <summary>
/// Watches Azurite's event loop: a tiny request every 100 ms, and any answer slower than <see cref="StallThreshold"/> is
/// recorded as a stall. Azurite runs blob, queue and table in one Node process, and its queue service sweeps deleted
/// messages every 60 s in memory mode, in time that grows with the square of the messages consumed since the last sweep
/// (about 3 s after 1,000, 16 s after 2,000, over a minute after 4,000 on this machine); every service waits meanwhile.
/// Phases are planned around the sweep, and any stall that still overlaps a measured phase is reported with it.
/// </summary>
internal sealed class AzuriteWatch : IAsyncDisposable
{
    public static readonly TimeSpan StallThreshold = TimeSpan.FromMilliseconds(250);

    /// <summary>Azurite's queue sweep interval (DEFAULT_GC_INTERVAL_MS in its source; not configurable).</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http = new(AppClient.NewHandler()) { Timeout = TimeSpan.FromMinutes(5) };
    private readonly Uri _ping;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Start, long End)> _stalls = [];
    private readonly Task _loop;

    public AzuriteWatch(int blobPort, long startedAt)
    {
        StartedAt = startedAt;
        _ping = new Uri($"http://127.0.0.1:{blobPort}/devstoreaccount1?comp=properties&restype=service");
        _loop = Task.Run(LoopAsync);
    }

    /// <summary>When Azurite's ports opened (Stopwatch ticks); its first sweep runs then, the next one a minute later.</summary>
    public long StartedAt { get; }

    /// <summary>Total and longest stall overlapping [from, to] (Stopwatch ticks), in seconds.</summary>
    public (double Total, double Longest) StallsBetween(long from, long to)
    {
        lock (_stalls)
        {
            var overlaps = _stalls
                .Select(s => (Math.Max(s.Start, from), Math.Min(s.End, to)))
                .Where(s => s.Item2 > s.Item1)
                .Select(s => (double)(s.Item2 - s.Item1) / Stopwatch.Frequency)
                .ToList();
            return (overlaps.Sum(), overlaps.DefaultIfEmpty(0).Max());
        }
    }

    /// <summary>
    /// Waits until Azurite's next queue sweep has run and finished, so the phase that follows has a clean minute. Sweeps run
    /// a minute after the previous one ended: the schedule is anchored on Azurite's start, or on the end of the last stall
    /// seen (a long stall is a sweep). Returns how long it waited.
    /// </summary>
    public async Task<TimeSpan> WaitForSweepAsync()
    {
        var waited = Stopwatch.StartNew();
        var wait = UntilNextSweep() + TimeSpan.FromSeconds(1.5);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        // Any request waits for a sweep in progress; once one is answered, the sweep is over.
        using var response = await _http.GetAsync(_ping);
        return waited.Elapsed;
    }

    /// <summary>Time until the next sweep is due (estimated; sweeps too short to stall anything are not seen).</summary>
    public TimeSpan UntilNextSweep()
    {
        long anchor;
        lock (_stalls)
        {
            anchor = _stalls.Where(x => x.End - x.Start >= Stopwatch.Frequency).Select(x => x.End).DefaultIfEmpty(StartedAt).Max();
        }

        var interval = (long)(SweepInterval.TotalSeconds * Stopwatch.Frequency);
        var now = Stopwatch.GetTimestamp();
        var periods = Math.Max(1, (long)Math.Ceiling((double)(now - anchor) / interval));
        return TimeSpan.FromSeconds((double)(anchor + (periods * interval) - now) / Stopwatch.Frequency);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _http.GetAsync(_ping, _stop.Token);
            }
            catch (HttpRequestException)
            {
                // Azurite is gone (the round is ending); the caller stops the watch.
                return;
            }

            var end = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(start, end) > StallThreshold)
            {
                lock (_stalls)
                {
                    _stalls.Add((start, end));
                }
            }

            await Task.Delay(100, _stop.Token);
        }
    }
}
