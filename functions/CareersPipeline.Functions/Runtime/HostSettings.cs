using System.Globalization;
using System.Text.Json.Nodes;

namespace CareersPipeline.Functions.Runtime;

/// <summary>The host.json queue settings, as the Functions host applies them to every queue trigger.</summary>
public sealed record QueueSettings(int BatchSize, int NewBatchThreshold, int MaxDequeueCount, TimeSpan MaxPollingInterval, TimeSpan VisibilityTimeout)
{
    public static readonly TimeSpan MinimumPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>How long a message stays hidden while a run works on it; a crashed run's message reappears after this.</summary>
    public static readonly TimeSpan ProcessingVisibility = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Reads host.json the way the Functions host does: the file next to the executable, then app settings named
/// AzureFunctionsJobHost__path__to__setting override single values. The local runtime therefore uses the
/// same file that is deployed.
/// </summary>
public static class HostSettings
{
    public const string FileName = "host.json";
    private const string OverridePrefix = "AzureFunctionsJobHost:extensions:queues:";

    public static QueueSettings LoadQueues(string directory, IConfiguration configuration)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{FileName} was not found in {directory}. Build the function app so it is copied next to the executable.");
        }

        var queues = JsonNode.Parse(File.ReadAllText(path))?["extensions"]?["queues"] as JsonObject ?? [];
        string? Value(string name) => configuration[OverridePrefix + name] ?? queues[name]?.ToString();

        var batchSize = Math.Clamp(Int(Value("batchSize"), 16), 1, 32);
        var pollingInterval = Span(Value("maxPollingInterval"), TimeSpan.FromMinutes(1));
        return new QueueSettings(
            batchSize,
            Int(Value("newBatchThreshold"), batchSize / 2 * Environment.ProcessorCount),
            Int(Value("maxDequeueCount"), 5),
            pollingInterval < QueueSettings.MinimumPollingInterval ? QueueSettings.MinimumPollingInterval : pollingInterval,
            Span(Value("visibilityTimeout"), TimeSpan.Zero));
    }

    private static int Int(string? value, int fallback) =>
        value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);

    private static TimeSpan Span(string? value, TimeSpan fallback) =>
        value is null ? fallback : TimeSpan.Parse(value, CultureInfo.InvariantCulture);
}
