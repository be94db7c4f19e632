using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// Builds the Pagefind search index by driving Pagefind's own binary in service mode (<c>pagefind --service</c>), the
/// way its npm package's Node API does: JSON messages, base64-encoded and comma-terminated, on stdin and stdout.
/// Pages are added from memory as they are rendered and the index files come back the same way, so no node and no
/// files on disk are needed where the app runs. The binary ships in the app's publish output (tools/).
/// </summary>
public sealed partial class Pagefind(IOptions<SiteOptions> options, ILogger<Pagefind> logger)
{
    public const string BinaryName = "pagefind_extended";

    /// <summary>Only what the default search UI loads; the package's other UIs are left out of $web.</summary>
    private static readonly string[] Unused = ["pagefind-component-ui.", "pagefind-modular-ui.", "pagefind-highlight.js"];

    public string? BinaryPath =>
        options.Value.PagefindPath is { Length: > 0 } configured ? configured
        : Path.Combine(AppContext.BaseDirectory, "tools", BinaryName) is var shipped && File.Exists(shipped) ? shipped
        : null;

    /// <summary>A new index, or null when no binary is available (the site is then built without search).</summary>
    public async Task<PagefindIndex?> StartAsync(CancellationToken cancellationToken)
    {
        if (BinaryPath is not { } binary || !File.Exists(binary))
        {
            LogUnavailable(logger, BinaryPath ?? Path.Combine(AppContext.BaseDirectory, "tools", BinaryName));
            return null;
        }

        var process = Process.Start(new ProcessStartInfo(Executable(binary), ["--service"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {binary}.");
        var index = new PagefindIndex(process);
        await index.CreateAsync(cancellationToken);
        return index;
    }

    /// <summary>
    /// A zip deployment may drop the file's execute bit, and the deployed package may be read-only: then a copy in
    /// the temporary folder, made executable, is run instead.
    /// </summary>
    private static string Executable(string binary)
    {
        if (OperatingSystem.IsWindows() || File.GetUnixFileMode(binary).HasFlag(UnixFileMode.UserExecute))
        {
            return binary;
        }

        try
        {
            File.SetUnixFileMode(binary, File.GetUnixFileMode(binary) | UnixFileMode.UserExecute);
            return binary;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var copy = Path.Combine(Path.GetTempPath(), $"{BinaryName}-{new FileInfo(binary).Length}");
            File.Copy(binary, copy, overwrite: true);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return copy;
        }
    }

    public static bool IsUsed(string path) => !Unused.Any(prefix => path.StartsWith(prefix, StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pagefind binary not found at {Path}: the site is built without its search index (set PAGEFIND_PATH)")]
    private static partial void LogUnavailable(ILogger logger, string path);
}

/// <summary>One Pagefind index being built in the service process. Safe to add pages from several threads.</summary>
public sealed class PagefindIndex : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly SemaphoreSlim _write = new(1, 1);
    private readonly Task _reader;
    private int _nextId;
    private int _indexId;

    internal PagefindIndex(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _reader = Task.Run(ReadAsync);
    }

    internal async Task CreateAsync(CancellationToken cancellationToken)
    {
        var created = await SendAsync(new JsonObject { ["type"] = "NewIndex", ["config"] = new JsonObject() }, "NewIndex", cancellationToken);
        _indexId = created["index_id"]!.GetValue<int>();
    }

    /// <summary>
    /// Indexes pages, in the order given: all are sent before any answer is awaited (the service reads its input in
    /// order), so the round trips overlap. Pagefind reads a page's language from &lt;html lang&gt; and its text from
    /// data-pagefind-body.
    /// </summary>
    public async Task AddPagesAsync(IEnumerable<(string Url, ReadOnlyMemory<byte> Html)> pages, CancellationToken cancellationToken)
    {
        var answers = new List<Task<JsonObject>>();
        foreach (var (url, html) in pages)
        {
            var message = new JsonObject { ["type"] = "AddFile", ["index_id"] = _indexId, ["url"] = url, ["file_contents"] = Encoding.UTF8.GetString(html.Span) };
            answers.Add(SendAsync(message, "IndexedFile", cancellationToken));
        }

        await Task.WhenAll(answers);
    }

    /// <summary>The index's files, as blobs under pagefind/.</summary>
    public async Task<IReadOnlyList<SiteFile>> FilesAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new JsonObject { ["type"] = "GetFiles", ["index_id"] = _indexId }, "GetFiles", cancellationToken);
        return [.. answer["files"]!.AsArray()
            .Select(f => (Path: f!["path"]!.GetValue<string>(), Content: f["content"]!.GetValue<string>()))
            .Where(f => Pagefind.IsUsed(f.Path))
            .Select(f => SiteFile.Create(SitePaths.SearchFolder + f.Path, Convert.FromBase64String(f.Content)))];
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        await _reader.ConfigureAwait(false);
        _process.Dispose();
        _write.Dispose();
    }

    private async Task<JsonObject> SendAsync(JsonObject payload, string expected, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = new JsonObject { ["message_id"] = id, ["payload"] = payload }.ToJsonString();
        await _write.WaitAsync(cancellationToken);
        try
        {
            await _process.StandardInput.WriteAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(message)) + ",");
            await _process.StandardInput.FlushAsync(cancellationToken);
        }
        finally
        {
            _write.Release();
        }

        var result = await answer.Task.WaitAsync(cancellationToken);
        var type = result["type"]?.GetValue<string>();
        return type == expected ? result
            : throw new InvalidOperationException($"Pagefind answered {type} to {payload["type"]}: {result["message"]}");
    }

    private async Task ReadAsync()
    {
        var buffer = new StringBuilder();
        var chunk = new char[8192];
        int read;
        while ((read = await _process.StandardOutput.ReadAsync(chunk)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                if (chunk[i] != ',')
                {
                    buffer.Append(chunk[i]);
                    continue;
                }

                Dispatch(buffer.ToString());
                buffer.Clear();
            }
        }

        foreach (var waiting in _pending.Values)
        {
            waiting.TrySetException(new InvalidOperationException("Pagefind stopped before answering."));
        }
    }

    private void Dispatch(string encoded)
    {
        var message = JsonNode.Parse(Convert.FromBase64String(encoded.Trim()))!.AsObject();
        if (message["message_id"]?.GetValue<int>() is { } id && _pending.TryRemove(id, out var waiting))
        {
            waiting.TrySetResult(message["payload"]!.AsObject());
        }
    }
}
