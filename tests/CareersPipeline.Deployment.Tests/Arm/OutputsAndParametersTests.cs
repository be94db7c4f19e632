using System.Globalization;
using System.Text.RegularExpressions;
using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Arm;

public sealed partial class OutputsAndParametersTests
{
    public static readonly string[] Outputs =
    [
        "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_STORAGE_ACCOUNT_NAME", "AZURE_FUNCTION_APP_NAME",
        "SERVICE_API_NAME", "SERVICE_API_URI", "SITE_URL", "AZURE_KEY_VAULT_NAME", "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    private static JObject ParametersFile() => JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")));

    [Fact]
    public async Task Template_HasEveryOutputAzdAndTheHooksRead()
    {
        var outputs = (JObject)(await CompiledTemplate.MainAsync())["outputs"]!;

        Assert.All(Outputs, name => Assert.Equal("string", outputs[name]?.Value<string>("type")));
    }

    [Fact]
    public void Hooks_ReadOnlyVariablesAzdProvides()
    {
        // The hooks run with the azd environment: the Bicep outputs plus what `azd env set` added.
        string[] optional = ["ENTRA_CLIENT_ID", "HOOK_ATTEMPTS", "HOOK_RETRY_DELAY_SECONDS"];
        var used = Directory.EnumerateFiles(Path.Combine(RepoPaths.Infra, "hooks"), "*.sh")
            .SelectMany(f => Variable().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).Distinct().ToList();

        Assert.Contains("AZURE_STORAGE_ACCOUNT_NAME", used);
        Assert.Empty(used.Except(Outputs).Except(optional));
    }

    [Fact]
    public void ParametersFile_PassesAzdsVariables()
    {
        var parameters = ParametersFile()["parameters"]!;

        Assert.Equal("${AZURE_ENV_NAME}", parameters.SelectToken("environmentName.value")!.Value<string>());
        Assert.Equal("${AZURE_LOCATION}", parameters.SelectToken("location.value")!.Value<string>());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", parameters.SelectToken("principalId.value")!.Value<string>());
    }

    [Fact]
    public async Task ParametersFile_NamesOnlyParametersTheTemplateHas()
    {
        var declared = ((JObject)(await CompiledTemplate.MainAsync())["parameters"]!).Properties().Select(p => p.Name);
        var passed = ((JObject)ParametersFile()["parameters"]!).Properties().Select(p => p.Name).ToList();

        Assert.NotEmpty(passed);
        Assert.Empty(passed.Except(declared));
    }

    [Fact]
    public async Task ParametersFile_LetsAzdSetEveryParameterAndRepeatsTheTemplatesDefaults()
    {
        // azd passes an unset ${VAR} as an empty string, which would replace a Bicep default, so a parameter with a
        // non-empty default is mapped as ${VAR=default}; this keeps the two defaults equal.
        var declared = (JObject)(await CompiledTemplate.MainAsync())["parameters"]!;
        var passed = (JObject)ParametersFile()["parameters"]!;

        Assert.Empty(declared.Properties().Select(p => p.Name).Except(passed.Properties().Select(p => p.Name)));
        foreach (var parameter in passed.Properties())
        {
            var mapping = parameter.Value.Value<string>("value")!;
            var templateDefault = declared[parameter.Name]!["defaultValue"];
            if (DefaultedVariable().Match(mapping) is { Success: true } match)
            {
                Assert.Equal(Convert.ToString(templateDefault, CultureInfo.InvariantCulture)?.ToLowerInvariant(), match.Groups[1].Value.ToLowerInvariant());
            }
            else if (templateDefault is JValue { Type: JTokenType.String } text && !mapping.StartsWith("$(", StringComparison.Ordinal))
            {
                Assert.True(text.Value<string>() == "", $"{parameter.Name}: {mapping} would pass '' over the default '{text}'");
            }
        }
    }

    [GeneratedRegex(@"\$\{?([A-Z][A-Z0-9_]+)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\$\{[A-Z][A-Z0-9_]*=(.*)\}$")]
    private static partial Regex DefaultedVariable();
}
