using System.Text.Json.Nodes;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Local;
using CareersPipeline.Functions.Runtime.Manifests;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using NJsonSchema;

namespace CareersPipeline.Functions.Tests.Manifests;

/// <summary>The manifests generated from the C# definitions are valid for the Functions host and agree with the repo.</summary>
public sealed class ManifestTests
{
    [Fact]
    public void RootHostJson_IsExactlyWhatTheDefinitionsProduce()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")).ReplaceLineEndings("\n");

        Assert.True(
            ManifestWriter.ToJson(HostManifest.Create()) == committed,
            "host.json at the repository root is out of date: run `dotnet run --project functions/CareersPipeline.Functions -- manifests .` and commit it.");
    }

    [Fact]
    public async Task HostJson_ValidatesAgainstTheOfficialSchema()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "host.schema.json"));

        var errors = schema.Validate(ManifestWriter.ToJson(HostManifest.Create()));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task EveryFunctionJson_ValidatesAgainstTheOfficialSchema()
    {
        var schema = await FunctionSchemaAsync();

        foreach (var function in FunctionCatalog.All)
        {
            var errors = schema.Validate(ManifestWriter.ToJson(FunctionManifest.Create(function)));
            Assert.True(errors.Count == 0, $"{function.Name}: {string.Join("; ", errors.SelectMany(Flatten))}");
        }
    }

    [Fact]
    public async Task FunctionSchema_RejectsABrokenManifest()
    {
        // Guards the test above: the schema really is applied, so a wrong binding direction fails.
        var schema = await FunctionSchemaAsync();
        var manifest = FunctionManifest.Create(FunctionCatalog.All.OfType<QueueFunction>().First());
        manifest["bindings"]![0]!["direction"] = "sideways";

        Assert.NotEmpty(schema.Validate(manifest.ToJsonString()));
    }

    [Fact]
    public void Functions_HaveUniqueNamesAndRoutes()
    {
        Assert.Equal(FunctionCatalog.All.Count, FunctionCatalog.All.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var routes = FunctionCatalog.All.OfType<HttpFunction>().SelectMany(h => h.Methods.Select(m => $"{m} {h.Route}")).ToList();
        Assert.Equal(routes.Count, routes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void InvocationRoutes_NeverCollideWithAnHttpRoute()
    {
        // The host invokes queue and timer functions at /{FunctionName}; with an empty route prefix an HTTP route could be one segment too.
        var invocations = FunctionCatalog.All.Where(f => f is not HttpFunction).Select(f => "/" + f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(FunctionCatalog.All.OfType<HttpFunction>(), h => Assert.DoesNotContain(h.Pattern.TrimEnd('/'), invocations));
    }

    [Fact]
    public void QueueFunctions_ListenOnQueuesTheAppCreates()
    {
        foreach (var queue in FunctionCatalog.All.OfType<QueueFunction>())
        {
            Assert.Contains(queue.QueueName, Core.Storage.StorageNames.AllQueues);
        }
    }

    [Fact]
    public void EveryTimer_HasAValidDefaultScheduleInAppSettings()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "functions", "CareersPipeline.Functions", "appsettings.json")).Build();

        foreach (var timer in FunctionCatalog.All.OfType<TimerFunction>())
        {
            Assert.NotNull(TimerSchedules.Resolve(timer, configuration));
        }
    }

    [Fact]
    public void TimerSchedule_Invalid_FailsWithAMessageNamingTheSetting()
    {
        var timer = FunctionCatalog.All.OfType<TimerFunction>().First();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [timer.ScheduleSetting] = "every five minutes" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => TimerSchedules.Resolve(timer, configuration));

        Assert.Contains(timer.ScheduleSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestWriter_WritesTheLayoutTheHostLoads()
    {
        var directory = Directory.CreateTempSubdirectory("manifests-").FullName;
        try
        {
            ManifestWriter.Write(directory, FunctionCatalog.All);

            Assert.True(File.Exists(Path.Combine(directory, "host.json")));
            foreach (var function in FunctionCatalog.All)
            {
                var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, function.Name, "function.json")))!;
                Assert.NotEmpty(manifest["bindings"]!.AsArray());
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static IEnumerable<string> Flatten(NJsonSchema.Validation.ValidationError error) =>
        error is NJsonSchema.Validation.ChildSchemaValidationError child
            ? child.Errors.SelectMany(e => e.Value.SelectMany(Flatten)).Prepend($"{error.Kind} at {error.Path}")
            : [$"{error.Kind} at {error.Path}"];

    /// <summary>
    /// The official function.json schema declares draft-04 but uses draft-06's "const" (in its SQL binding). A
    /// draft-04 validator ignores "const", which lets the SQL binding match every binding and fails every oneOf.
    /// "const": x means exactly "enum": [x], so the copy is read with that rewrite; the file itself is unchanged.
    /// </summary>
    private static async Task<JsonSchema> FunctionSchemaAsync()
    {
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "function.schema.json")))!;
        RewriteConst(schema);
        return await JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    private static void RewriteConst(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["const"] is { } value)
                {
                    obj.Remove("const");
                    obj["enum"] = new JsonArray(value.DeepClone());
                }

                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    RewriteConst(child);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    RewriteConst(child);
                }

                break;
        }
    }
}
