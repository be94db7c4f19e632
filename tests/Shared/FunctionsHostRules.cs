using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareersPipeline.Tests.Shared;

/// <summary>
/// Rules the Azure Functions host applies when it loads an app, taken from its source (Azure/azure-functions-host; the
/// files and lines are cited in docs/runtime.md, "What the host checks") because the host cannot run on these machines.
/// The Functions tests hold every generated manifest to them and the deployment tests hold the template to them.
/// </summary>
internal static partial class FunctionsHostRules
{
    /// <summary>The bundle id the host treats as the default (ScriptConstants.DefaultExtensionBundleId).</summary>
    public const string DefaultBundleId = "Microsoft.Azure.Functions.ExtensionBundle";

    /// <summary>
    /// ScriptHost.ValidateHttpFunction: <c>httpTrigger.Route.Trim('/').ToLowerInvariant()</c> starting with "admin" or
    /// "runtime" throws "The specified route conflicts with one or more built in routes." The route is the one in
    /// function.json, without the route prefix.
    /// </summary>
    public static IReadOnlyList<string> ReservedRoutePrefixes { get; } = ["admin", "runtime"];

    /// <summary>
    /// Bindings the host registers itself, bundle or not (ScriptHostBuilderExtensions.AddScriptHostCore:
    /// <c>.AddHttp().AddTimers().AddManualTrigger().AddWarmup()</c>).
    /// </summary>
    public static IReadOnlySet<string> BuiltInBindingTypes { get; } =
        new HashSet<string>(["httpTrigger", "http", "timerTrigger", "manualTrigger", "warmupTrigger"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Binding types each major version of the default extension bundle provides, as its extensions.json lists them per
    /// extension (the host loads an extension when its "bindings" meet a function's binding types). Only what this app
    /// may use is listed: the Storage queue extension (queueTrigger and the queue output binding), in every bundle the
    /// host accepts (2.x to 4.x). A new binding type fails the host-rule tests until it is added here with its evidence.
    /// </summary>
    public static IReadOnlyDictionary<int, IReadOnlySet<string>> BundleBindingTypes { get; } = new Dictionary<int, IReadOnlySet<string>>
    {
        [2] = new HashSet<string>(["queueTrigger", "queue"], StringComparer.OrdinalIgnoreCase),
        [3] = new HashSet<string>(["queueTrigger", "queue"], StringComparer.OrdinalIgnoreCase),
        [4] = new HashSet<string>(["queueTrigger", "queue"], StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The worker runtimes under which the host calls the app a .NET app (RpcWorkerConstants: "dotnet", "dotnet-isolated").</summary>
    public static IReadOnlyList<string> DotnetWorkerRuntimes { get; } = ["dotnet", "dotnet-isolated"];

    /// <summary>
    /// The path an HTTP function answers at under the host: extensions.http.routePrefix, then the function's route. An
    /// empty prefix removes it ("customize or remove the prefix using the extensions.http.routePrefix property ... an empty
    /// string", Microsoft's HTTP trigger reference, functions-bindings-http-webhook-trigger; HttpRouteFactory in
    /// Microsoft.Azure.WebJobs.Extensions.Http joins the trimmed prefix and the route only when the prefix is not empty).
    /// The default when host.json says nothing is "api".
    /// </summary>
    public static string HostPath(JsonObject hostJson, string route)
    {
        var prefix = (hostJson["extensions"]?["http"]?["routePrefix"]?.GetValue<string>() ?? "api").Trim('/');
        var trimmed = route.Trim('/');
        return prefix.Length == 0 ? "/" + trimmed : $"/{prefix}/{trimmed}";
    }

    public static bool IsReservedRoute(string route)
    {
        var trimmed = route.Trim('/').ToLowerInvariant();
        return ReservedRoutePrefixes.Any(prefix => trimmed.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>
    /// ScriptStartupTypeLocator.GetExtensionsStartupTypesAsync: the bundle is loaded only when
    /// <c>bundleConfigured &amp;&amp; (!isDotnetApp || isLegacyExtensionBundle || isLogicApp)</c>. "A .NET app" is a worker
    /// runtime of dotnet-isolated (IsDotnetIsolatedApp, from FUNCTIONS_WORKER_RUNTIME, which Flex sets from
    /// functionAppConfig.runtime.name) or any function whose scriptFile is a .dll (language DotNetAssembly, so
    /// isPrecompiledFunctionApp). Logic Apps do not apply here.
    /// </summary>
    public static bool LoadsExtensionBundle(string? workerRuntime, JsonObject hostJson, IEnumerable<JsonObject> functionJsons)
    {
        var precompiled = functionJsons.Any(f => f["scriptFile"]?.GetValue<string>() is { } script && script.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
        var dotnetIsolated = string.Equals(workerRuntime, "dotnet-isolated", StringComparison.OrdinalIgnoreCase);
        return BundleMajorVersions(hostJson) is { Count: > 0 } majors && (!(precompiled || dotnetIsolated) || IsLegacyBundle(hostJson, majors));
    }

    /// <summary>
    /// The bundle majors the configured range admits (ExtensionBundleManager picks the newest version in the range), or
    /// none when no bundle is configured (IsExtensionBundleConfigured: an id and a version). Ranges of the form
    /// "[4.*, 5.0.0)" or "[4.0.0, 5.0.0)".
    /// </summary>
    public static IReadOnlyList<int> BundleMajorVersions(JsonObject hostJson)
    {
        var bundle = hostJson["extensionBundle"];
        var id = bundle?["id"]?.GetValue<string>();
        var version = bundle?["version"]?.GetValue<string>();
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(version) || BundleRange().Match(version) is not { Success: true } match)
        {
            return [];
        }

        var from = int.Parse(match.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var to = int.Parse(match.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture);
        return to > from ? Enumerable.Range(from, to - from).ToList() : [];
    }

    /// <summary>The binding types a function may use under this host.json: built in, or in every bundle major its range admits.</summary>
    public static bool IsBindingAvailable(string type, JsonObject hostJson)
    {
        if (BuiltInBindingTypes.Contains(type))
        {
            return true;
        }

        var majors = BundleMajorVersions(hostJson);
        return hostJson["extensionBundle"]?["id"]?.GetValue<string>() == DefaultBundleId
            && majors.Count > 0
            && majors.All(m => BundleBindingTypes.TryGetValue(m, out var types) && types.Contains(type));
    }

    /// <summary>ExtensionBundleManager.IsLegacyExtensionBundle: the default bundle with a range that ends at 2.0.0, exclusive (bundle 1.x).</summary>
    private static bool IsLegacyBundle(JsonObject hostJson, IReadOnlyList<int> majors) =>
        hostJson["extensionBundle"]?["id"]?.GetValue<string>() == DefaultBundleId && majors.Max() < 2;

    [GeneratedRegex(@"^\[\s*(?<from>\d+)\.(\*|0\.0)\s*,\s*(?<to>\d+)\.0\.0\s*\)$")]
    private static partial Regex BundleRange();
}
