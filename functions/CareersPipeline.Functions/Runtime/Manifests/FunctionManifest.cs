using System.Text.Json.Nodes;

namespace CareersPipeline.Functions.Runtime.Manifests;

/// <summary>The function.json of one function, from its definition.</summary>
public static class FunctionManifest
{
    public static JsonObject Create(FunctionDefinition function) => new()
    {
        ["bindings"] = function switch
        {
            HttpFunction http => new JsonArray(
                new JsonObject
                {
                    ["authLevel"] = "anonymous",
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["methods"] = new JsonArray([.. http.Methods.Select(m => (JsonNode)m.ToLowerInvariant())]),
                    ["route"] = http.Route,
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }),
            QueueFunction queue => new JsonArray(new JsonObject
            {
                ["name"] = QueueFunction.BindingName,
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["queueName"] = queue.QueueName,
                ["connection"] = QueueFunction.Connection,
            }),
            TimerFunction timer => new JsonArray(new JsonObject
            {
                ["name"] = TimerFunction.BindingName,
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["schedule"] = $"%{timer.ScheduleSetting}%",
                ["runOnStartup"] = timer.RunOnStartup,
                ["useMonitor"] = true,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(function), function.GetType().Name, null),
        },
    };
}
