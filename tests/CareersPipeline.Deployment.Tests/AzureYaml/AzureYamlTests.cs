using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.AzureYaml;

public sealed class AzureYamlTests
{
    private static JToken Committed() => YamlToJson.Convert(File.ReadAllText(RepoPaths.AzureYaml));

    [Fact]
    public async Task AzureYaml_ValidatesAgainstTheOfficialSchema()
    {
        var errors = await AzdSchema.ValidateAsync(Committed());

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void AzureYaml_DeploysTheFunctionsProjectAsAFunctionApp()
    {
        var api = Committed()["services"]!["api"]!;

        Assert.Equal("function", api.Value<string>("host"));
        Assert.Equal("dotnet", api.Value<string>("language"));
        Assert.True(File.Exists(RepoPaths.InRoot(api.Value<string>("project")!, "CareersPipeline.Functions.csproj")));
        Assert.Equal("careers-pipeline", Committed().Value<string>("name"));
    }

    [Fact]
    public void EveryHook_RunsAnExecutablePosixScriptThatExists()
    {
        var hooks = ((JObject)Committed()["hooks"]!).Properties().ToList();

        Assert.Contains(hooks, h => h.Name == "postprovision");
        foreach (var hook in hooks)
        {
            var run = hook.Value["posix"]!.Value<string>("run")!;
            var path = RepoPaths.InRoot(run);
            Assert.True(File.Exists(path), $"{hook.Name}: {run} does not exist");
            Assert.True((File.GetUnixFileMode(path) & UnixFileMode.UserExecute) != 0, $"{hook.Name}: {run} is not executable");
        }
    }

    [Fact]
    public void SchemaCopy_IsTheSharedOfficialFileUnchanged()
    {
        // The project must test from its own clone, so the copy is checked against the hash its README recorded when it
        // was taken; the shared folder, where it sits beside the clone, is compared too.
        var readme = File.ReadAllText(RepoPaths.InRoot("tests/CareersPipeline.Deployment.Tests/Schemas/README.md"));
        var recorded = System.Text.RegularExpressions.Regex.Match(readme, "SHA-256 of the copy[^`]*`([0-9a-f]{64})`");
        var copy = File.ReadAllBytes(AzdSchema.FilePath);

        Assert.True(recorded.Success, "Schemas/README.md does not record the copy's SHA-256");
        Assert.Equal(recorded.Groups[1].Value, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy)));
        var shared = Path.Combine(RepoPaths.Root, "..", "shared", "schemas", "azure.yaml.schema.json");
        if (File.Exists(shared))
        {
            Assert.Equal(File.ReadAllBytes(shared), copy);
        }
    }

    [Fact]
    public void RewrittenSchema_UsesOnlyKeywordsTheValidatorEnforces()
    {
        var unknown = AzdSchema.KeywordsIn(AzdSchema.Rewritten).Distinct().Except(AzdSchema.UnderstoodKeywords).ToList();

        Assert.True(unknown.Count == 0, $"NJsonSchema would silently skip: {string.Join(", ", unknown)}");
    }

    // Each case changes the committed file in one way that azd rejects; the validator must reject it too.
    [Theory]
    [InlineData("unknown host")]
    [InlineData("misspelt hook name")]
    [InlineData("upper-case name")]
    [InlineData("function service without project")]
    [InlineData("env on a function host")]
    [InlineData("unknown hook shell")]
    [InlineData("continueOnError as a quoted string")]
    public async Task Validator_RejectsABrokenAzureYaml(string breakage)
    {
        var document = (JObject)Committed();
        var api = (JObject)document["services"]!["api"]!;
        var postprovision = (JObject)document["hooks"]!["postprovision"]!["posix"]!;
        switch (breakage)
        {
            case "unknown host": api["host"] = "functionx"; break;
            case "misspelt hook name": document["hooks"]!["postprovison"] = new JObject(); break;
            case "upper-case name": document["name"] = "Careers-Pipeline"; break;
            case "function service without project": api.Remove("project"); break;
            case "env on a function host": api["env"] = new JObject { ["A"] = "b" }; break;
            case "unknown hook shell": postprovision["shell"] = "bash"; break;
            case "continueOnError as a quoted string": postprovision["continueOnError"] = "true"; break;
        }

        Assert.NotEmpty(await AzdSchema.ValidateAsync(document));
    }

    [Fact]
    public void YamlToJson_KeepsQuotedScalarsAsStrings()
    {
        var json = YamlToJson.Convert("a: true\nb: 'true'\nc: 3\nd: ~\ne: text");

        Assert.Equal(JTokenType.Boolean, json["a"]!.Type);
        Assert.Equal(JTokenType.String, json["b"]!.Type);
        Assert.Equal(JTokenType.Integer, json["c"]!.Type);
        Assert.Equal(JTokenType.Null, json["d"]!.Type);
        Assert.Equal("text", json.Value<string>("e"));
    }
}
