using System.Text.Json.Nodes;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Manifests;

namespace CareersPipeline.Functions.Tests.Manifests;

/// <summary>
/// Every generated manifest, read back from disk as the host reads it, against the rules the Functions host applies when
/// it loads the app (<see cref="FunctionsHostRules"/>; the host's source lines are in docs/runtime.md). A function that
/// breaks one would load in the local runtime and fail to index, or answer 404, in Azure.
/// </summary>
public sealed class HostRulesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("host-rules-").FullName;
    private readonly JsonObject _host;
    private readonly IReadOnlyDictionary<string, JsonObject> _functions;

    public HostRulesTests()
    {
        ManifestWriter.Write(_directory, FunctionCatalog.All);
        _host = Read(Path.Combine(_directory, "host.json"));
        _functions = Directory.GetDirectories(_directory)
            .Where(d => File.Exists(Path.Combine(d, "function.json")))
            .ToDictionary(d => Path.GetFileName(d), d => Read(Path.Combine(d, "function.json")));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EveryFunction_IsWritten()
    {
        Assert.Equal(FunctionCatalog.All.Select(f => f.Name).Order(), _functions.Keys.Order());
    }

    [Fact]
    public void NoHttpRoute_StartsWithARouteTheHostReserves()
    {
        var routes = HttpBindings().Select(b => b["route"]!.GetValue<string>()).ToList();

        Assert.NotEmpty(routes);
        Assert.All(routes, route => Assert.False(FunctionsHostRules.IsReservedRoute(route), $"the host refuses the route '{route}' (ScriptHost.ValidateHttpFunction)"));
    }

    [Fact]
    public void EveryHttpFunction_AnswersUnderTheHostAtThePathTheAppMaps()
    {
        // The host joins routePrefix and the route; the app maps HttpFunction.Pattern. They must be the same path, for
        // pages (/staff/...) as for the API (/api/...).
        var byName = FunctionCatalog.All.OfType<HttpFunction>().ToDictionary(h => h.Name);
        Assert.NotEmpty(byName);
        foreach (var (name, function) in _functions.Where(f => byName.ContainsKey(f.Key)))
        {
            var route = function["bindings"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "httpTrigger")!["route"]!.GetValue<string>();
            Assert.Equal(byName[name].Pattern, FunctionsHostRules.HostPath(_host, route));
        }
    }

    [Fact]
    public void ApiRoutes_StayUnderApi_AndPagesUnderStaff()
    {
        foreach (var http in FunctionCatalog.All.OfType<HttpFunction>())
        {
            var expected = http.Area == HttpArea.Api ? "/api/" : "/staff";
            Assert.True(http.Pattern.StartsWith(expected, StringComparison.Ordinal), $"{http.Name} is at {http.Pattern}");
        }
    }

    [Theory]
    [InlineData("api", "signups/{applicantId}", "/api/signups/{applicantId}")]
    [InlineData("", "staff/opportunities", "/staff/opportunities")]
    [InlineData(null, "health", "/api/health")]
    public void HostPathRule_JoinsThePrefixAndTheRoute(string? prefix, string route, string expected)
    {
        var host = new JsonObject();
        if (prefix is not null)
        {
            host["extensions"] = new JsonObject { ["http"] = new JsonObject { ["routePrefix"] = prefix } };
        }

        Assert.Equal(expected, FunctionsHostRules.HostPath(host, route));
    }

    [Theory]
    [InlineData("admin/site/rebuild")]
    [InlineData("/Admin/people")]
    [InlineData("administration")]
    [InlineData("runtime/webhooks")]
    [InlineData("runtimes")]
    public void ReservedRouteRule_RefusesWhatTheHostRefuses(string route)
    {
        // Guards the test above: a prefix match, after trimming slashes and lowering case, as the host does it.
        Assert.True(FunctionsHostRules.IsReservedRoute(route));
    }

    [Theory]
    [InlineData("manage/site/rebuild")]
    [InlineData("signups/{applicantId}")]
    [InlineData("my-admin")]
    public void ReservedRouteRule_LetsOtherRoutesThrough(string route)
    {
        Assert.False(FunctionsHostRules.IsReservedRoute(route));
    }

    [Fact]
    public void EveryBindingType_IsBuiltIntoTheHostOrInTheConfiguredBundle()
    {
        var types = _functions.Values.SelectMany(f => f["bindings"]!.AsArray()).Select(b => b!["type"]!.GetValue<string>()).Distinct().ToList();

        Assert.Contains("queueTrigger", types);
        Assert.All(types, type => Assert.True(FunctionsHostRules.IsBindingAvailable(type, _host), $"no extension the host loads provides '{type}'"));
    }

    [Fact]
    public void BindingRule_RefusesATypeNoLoadedExtensionProvides()
    {
        var withoutBundle = (JsonObject)_host.DeepClone();
        withoutBundle.Remove("extensionBundle");

        Assert.False(FunctionsHostRules.IsBindingAvailable("serviceBusTrigger", _host));
        Assert.False(FunctionsHostRules.IsBindingAvailable("queueTrigger", withoutBundle));
        Assert.True(FunctionsHostRules.IsBindingAvailable("timerTrigger", withoutBundle));
    }

    [Fact]
    public void TheHostLoadsTheBundle_UnderTheCustomRuntime()
    {
        // Flex Consumption's functionAppConfig.runtime.name becomes FUNCTIONS_WORKER_RUNTIME; the deployment tests check
        // the template sets `custom`.
        Assert.True(FunctionsHostRules.LoadsExtensionBundle("custom", _host, _functions.Values));
    }

    [Theory]
    [InlineData("dotnet-isolated")]
    [InlineData("DOTNET-ISOLATED")]
    public void TheHostSkipsTheBundle_UnderDotnetIsolated(string workerRuntime)
    {
        // What issue 21 found: under dotnet-isolated no queue function would load.
        Assert.False(FunctionsHostRules.LoadsExtensionBundle(workerRuntime, _host, _functions.Values));
    }

    [Fact]
    public void NoFunction_NamesADllScriptFile_WhichWouldMakeItAPrecompiledDotnetApp()
    {
        Assert.All(_functions, f => Assert.Null(f.Value["scriptFile"]));

        var precompiled = _functions.Values.Select(f => (JsonObject)f.DeepClone()).ToList();
        precompiled[0]["scriptFile"] = "../bin/CareersPipeline.Functions.dll";
        Assert.False(FunctionsHostRules.LoadsExtensionBundle("custom", _host, precompiled));
    }

    [Fact]
    public void HostJson_ConfiguresTheDefaultBundle_InAMajorTheRulesKnow()
    {
        var majors = FunctionsHostRules.BundleMajorVersions(_host);

        Assert.Equal(FunctionsHostRules.DefaultBundleId, _host["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.NotEmpty(majors);
        Assert.All(majors, m => Assert.True(FunctionsHostRules.BundleBindingTypes.ContainsKey(m), $"bundle {m}.x is not in FunctionsHostRules.BundleBindingTypes"));
    }

    private IEnumerable<JsonNode> HttpBindings() =>
        _functions.Values.SelectMany(f => f["bindings"]!.AsArray()).Where(b => b!["type"]!.GetValue<string>() == "httpTrigger")!;

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();
}
