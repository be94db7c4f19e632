using System.Diagnostics;
using System.Net;
using System.Text;

namespace CareersPipeline.LoadTests;

internal static class Repo
{
    /// <summary>The nearest folder above the harness binaries (or the working directory) holding CareersPipeline.sln.</summary>
    public static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CareersPipeline.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new HarnessException("CareersPipeline.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The harness's own Azurite: the repository's pinned npm package, in memory, on free loopback ports.</summary>
internal sealed class Azurite : IAsyncDisposable
{
    // The emulator's published well-known development key (the same one the integration tests use).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite(Child process, string connectionString, string version, AzuriteWatch watch)
    {
        Process = process;
        ConnectionString = connectionString;
        Version = version;
        Watch = watch;
    }

    private static int _started;

    public Child Process { get; }

    public AzuriteWatch Watch { get; }

    public string ConnectionString { get; }

    public string Version { get; }

    public static async Task<Azurite> StartAsync(string root)
    {
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new HarnessException("Azurite is not installed: run scripts/bench (it runs npm ci) or npm ci at the repository root.");
        }

        int blob = Ports.Free(), queue = Ports.Free(), table = Ports.Free();
        var info = new ProcessStartInfo(azurite,
            ["--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
             "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
             "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
             "--tableHost", "127.0.0.1", "--tablePort", $"{table}"]);

        // Diagnostics: BENCH_AZURITE_DEBUG=path makes each Azurite log every request to path.1, path.2, ... (slows it down).
        if (System.Environment.GetEnvironmentVariable("BENCH_AZURITE_DEBUG") is { Length: > 0 } debugLog)
        {
            info.ArgumentList.Add("--debug");
            info.ArgumentList.Add($"{debugLog}.{Interlocked.Increment(ref _started)}");
        }

        var process = Child.Start("Azurite", info);
        foreach (var port in new[] { blob, queue, table })
        {
            await Ports.WaitOpenAsync(port, process, TimeSpan.FromSeconds(30));
        }

        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey
            + $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
        return new Azurite(process, connection, ReadVersion(root), new AzuriteWatch(blob, Stopwatch.GetTimestamp()));
    }

    public async ValueTask DisposeAsync()
    {
        await Watch.DisposeAsync();
        await Process.StopAsync();
        Process.Dispose();
    }

    private static string ReadVersion(string root)
    {
        var manifest = Path.Combine(root, "node_modules", "azurite", "package.json");
        if (!File.Exists(manifest))
        {
            return "unknown";
        }

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.TryGetProperty("version", out var v) ? v.GetString() ?? "unknown" : "unknown";
    }
}

/// <summary>
/// Starts the function app as a child process, in local or hosted mode: the Release build with `dotnet`, or the
/// self-contained publish output as its own executable, the way the Functions host starts it in Azure.
/// </summary>
internal sealed class AppLauncher(string appDir, string storageConnection, string postcodesBaseUrl, string? executable = null)
{
    public const string DllName = "CareersPipeline.Functions.dll";

    /// <summary>The self-contained executable: host.json's defaultExecutablePath.</summary>
    public const string ExecutableName = "CareersPipeline.Functions";

    // Timers moved out of any run window, so a scheduled scan can never land inside a measured phase.
    private const string NeverDuringRun = "0 0 0 1 1 *";

    public string AppDir { get; } = appDir;

    public string DllPath => Path.Combine(AppDir, DllName);

    /// <summary>How the app is started, for the report.</summary>
    public string Build => executable is null ? "framework-dependent" : "self-contained";

    public string Command => executable is null ? $"dotnet {DllName}" : $"./{ExecutableName}";

    /// <summary>The same storage and postcodes, but the self-contained executable in <paramref name="dir"/>.</summary>
    public AppLauncher SelfContained(string dir) => new(dir, storageConnection, postcodesBaseUrl, Path.Combine(dir, ExecutableName));

    public Child StartLocal(int port) => Start("App (local)", port, hosted: false);

    public Child StartHosted(int port) => Start("App (hosted)", port, hosted: true);

    private Child Start(string name, int port, bool hosted)
    {
        var info = new ProcessStartInfo(executable ?? "dotnet") { WorkingDirectory = AppDir };
        if (executable is null)
        {
            info.ArgumentList.Add(DllPath);
        }

        if (!hosted)
        {
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add($"http://127.0.0.1:{port}");
        }

        var env = info.Environment;
        foreach (var key in env.Keys.Where(k => k.StartsWith("FUNCTIONS_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            env.Remove(key);
        }

        env["AzureWebJobsStorage"] = storageConnection;
        env["POSTCODES_BASE_URL"] = postcodesBaseUrl;
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning";
        env["SIGNUP_RECOVERY_SCHEDULE"] = NeverDuringRun;
        env["GEOCODE_RETRY_SCHEDULE"] = NeverDuringRun;
        env["SENDGRID_API_KEY"] = string.Empty;
        env["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // The harness is one client sending thousands of sign-ups: the abuse limits would measure themselves.
        env["RATE_LIMIT_CLIENT_PERMITS"] = "100000000";
        env["RATE_LIMIT_ADDRESS_PERMITS"] = "100000000";
        // Diagnostics: BENCH_APP_<name>=<value> reaches the app as <name>=<value> (for example a log level).
        foreach (var (key, value) in System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, e.Value as string))
                     .Where(e => e.Item1.StartsWith("BENCH_APP_", StringComparison.Ordinal)))
        {
            env[key["BENCH_APP_".Length..]] = value;
        }

        if (hosted)
        {
            env["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            env["TOKEN_SIGNING_KEY"] = "load-harness-signing-key-not-secret";
        }
        else
        {
            env["CAREERS_LOCAL_MODE"] = "true";
        }

        return Child.Start(name, info);
    }
}

/// <summary>
/// A stand-in for postcodes.io's bulk endpoint (POST /postcodes), so geocoding is fast and deterministic and nothing
/// leaves the machine. Answers every request with one resolved Stoke-on-Trent postcode.
/// </summary>
internal sealed class FakePostcodes : IDisposable
{
    private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
        """{"status":200,"result":[{"query":"ST4 6QG","result":{"postcode":"ST4 6QG","latitude":52.99,"longitude":-2.21,"region":"West Midlands","admin_district":"Stoke-on-Trent","codes":{"icb":"E54000010"}}}]}""");

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private long _requests;

    public FakePostcodes()
    {
        Port = Ports.Free();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public long Requests => Interlocked.Read(ref _requests);

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The listener was closed under it; that is how it stops.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => Answer1Async(context));
        }
    }

    private async Task Answer1Async(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        try
        {
            // Drain the body so the connection can be kept alive.
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            var response = context.Response;
            var isLookup = context.Request.HttpMethod == "POST" && context.Request.Url?.AbsolutePath.TrimEnd('/') == "/postcodes";
            response.StatusCode = isLookup ? 200 : 404;
            response.ContentType = "application/json";
            var body = isLookup ? Answer : """{"status":404,"error":"Resource not found"}"""u8.ToArray();
            response.ContentLength64 = body.Length;
            await response.OutputStream.WriteAsync(body);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away; nothing to answer.
        }
    }
}
