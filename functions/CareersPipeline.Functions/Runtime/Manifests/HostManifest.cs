using System.Text.Json.Nodes;

namespace CareersPipeline.Functions.Runtime.Manifests;

/// <summary>
/// The deployable host.json. The copy at the repository root is this, written out; a test fails when they differ.
/// </summary>
public static class HostManifest
{
    public const string ExecutableDll = "CareersPipeline.Functions.dll";

    public static JsonObject Create() => new()
    {
        ["version"] = "2.0",
        ["logging"] = new JsonObject
        {
            ["logLevel"] = new JsonObject { ["default"] = "Information", ["Host.Results"] = "Information", ["Function"] = "Information" },
        },
        // Custom handlers get their queue and timer triggers from the extension bundle.
        ["extensionBundle"] = new JsonObject
        {
            ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
            ["version"] = "[4.*, 5.0.0)",
        },
        ["customHandler"] = new JsonObject
        {
            ["description"] = new JsonObject
            {
                // Framework-dependent: Flex Consumption's custom runtime runs "dotnet <App>.dll", as Microsoft's sample does.
                ["defaultExecutablePath"] = "dotnet",
                ["workingDirectory"] = string.Empty,
                ["arguments"] = new JsonArray(ExecutableDll),
            },
            ["enableProxyingHttpRequest"] = true,
        },
        ["extensions"] = new JsonObject
        {
            ["http"] = new JsonObject { ["routePrefix"] = HttpFunction.RoutePrefix },
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
