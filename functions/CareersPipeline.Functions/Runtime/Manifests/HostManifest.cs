using System.Text.Json.Nodes;

namespace CareersPipeline.Functions.Runtime.Manifests;

/// <summary>
/// The deployable host.json. The copy at the repository root is this, written out; a test fails when they differ.
/// </summary>
public static class HostManifest
{
    /// <summary>
    /// The self-contained executable `dotnet publish` writes (linux-x64): Flex Consumption's `custom` runtime has no .NET,
    /// so the host starts this file itself. A relative path: the host resolves it against the app's root.
    /// </summary>
    public const string Executable = "CareersPipeline.Functions";

    public static JsonObject Create() => new()
    {
        ["version"] = "2.0",
        ["logging"] = new JsonObject
        {
            ["logLevel"] = new JsonObject { ["default"] = "Information", ["Host.Results"] = "Information", ["Function"] = "Information" },
        },
        // queueTrigger comes only from the extension bundle (HTTP and timer are built into the host), and the host loads the
        // bundle only when the worker runtime is not .NET: `custom` here (docs/runtime.md).
        ["extensionBundle"] = new JsonObject
        {
            ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
            ["version"] = "[4.*, 5.0.0)",
        },
        ["customHandler"] = new JsonObject
        {
            ["description"] = new JsonObject
            {
                ["defaultExecutablePath"] = Executable,
                ["workingDirectory"] = string.Empty,
            },
            ["enableProxyingHttpRequest"] = true,
        },
        ["extensions"] = new JsonObject
        {
            // Empty: the host puts the prefix in front of every HTTP function, and staff pages live at /staff/, not /api/staff/.
            // Each API function's route starts with "api/" instead (HttpFunction), so API URLs are unchanged.
            ["http"] = new JsonObject { ["routePrefix"] = HttpFunction.HostRoutePrefix },
            ["queues"] = new JsonObject
            {
                // One second, not the one-minute default: sign-up to confirmation email should take seconds.
                ["maxPollingInterval"] = "00:00:01",
                ["visibilityTimeout"] = "00:00:30",
                ["batchSize"] = 16,
                ["newBatchThreshold"] = 8,
                ["maxDequeueCount"] = 5,
                ["messageEncoding"] = "base64",
            },
        },
    };
}
