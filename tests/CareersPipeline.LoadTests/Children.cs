using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CareersPipeline.LoadTests;

/// <summary>
/// A child process the harness owns: output kept (last lines only) for error messages, and always killed with its
/// tree, by its own id, when the harness ends for any reason.
/// </summary>
internal sealed class Child : IDisposable
{
    private static readonly ConcurrentDictionary<int, Child> Live = new();
    private readonly ConcurrentQueue<string> _tail = new();
    private readonly Process _process;

    private Child(string name, Process process)
    {
        Name = name;
        _process = process;
        Live[process.Id] = this;
    }

    public string Name { get; }

    /// <summary>Diagnostics: with BENCH_CHILD_LOG=path, every child's output is also written there.</summary>
    private static StreamWriter? LogFile { get; } = System.Environment.GetEnvironmentVariable("BENCH_CHILD_LOG") is { Length: > 0 } path
        ? new StreamWriter(path, append: false) { AutoFlush = true }
        : null;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>User plus system CPU used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.TotalProcessorTime;
            }
            catch (InvalidOperationException)
            {
                return TimeSpan.Zero;
            }
        }
    }

    public string Tail => string.Join(Environment.NewLine, _tail);

    public static Child Start(string name, ProcessStartInfo info)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.Start();
        var child = new Child(name, process);
        process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Kills every child still running; called on exit, Ctrl+C and SIGTERM.</summary>
    public static void KillAll()
    {
        foreach (var child in Live.Values)
        {
            child.Dispose();
        }
    }

    public async Task StopAsync()
    {
        Kill();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // Reported by the caller's next step if it matters; never hang the harness on a stuck child.
        }
    }

    public void Dispose()
    {
        Kill();
        Live.TryRemove(_process.Id, out _);
        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (LogFile is { } log)
        {
            lock (log)
            {
                log.WriteLine($"[{Name} {Id}] {line}");
            }
        }

        _tail.Enqueue(line);
        while (_tail.Count > 40 && _tail.TryDequeue(out _))
        {
        }
    }
}

internal static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task WaitOpenAsync(int port, Child owner, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (owner.HasExited)
            {
                throw new HarnessException($"{owner.Name} exited before opening port {port}:{Environment.NewLine}{owner.Tail}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new HarnessException($"{owner.Name} did not open port {port} within {limit.TotalSeconds:0} s:{Environment.NewLine}{owner.Tail}");
    }
}

/// <summary>The harness itself could not run (as opposed to a target being missed): exit code 1.</summary>
internal sealed class HarnessException(string message) : Exception(message);
