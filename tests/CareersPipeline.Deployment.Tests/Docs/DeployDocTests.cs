using System.Text.RegularExpressions;
using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Docs;

/// <summary>docs/deploy.md keeps up with the template: a parameter nobody can find out about is a parameter nobody sets.</summary>
public sealed partial class DeployDocTests
{
    private static string Doc() => File.ReadAllText(RepoPaths.DeployDoc);

    [Fact]
    public async Task DeployDoc_DescribesEveryParameter()
    {
        var parameters = ((JObject)(await CompiledTemplate.MainAsync())["parameters"]!).Properties().Select(p => p.Name);

        var missing = parameters.Where(p => !Doc().Contains($"`{p}`", StringComparison.Ordinal)).ToList();

        Assert.True(missing.Count == 0, $"docs/deploy.md does not mention: {string.Join(", ", missing)}");
    }

    [Fact]
    public void DeployDoc_NamesEveryAzdVariableThatSetsAParameter()
    {
        var variables = EnvironmentVariable().Matches(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))
            .Select(m => m.Groups[1].Value).Distinct().ToList();

        var missing = variables.Where(v => !Doc().Contains(v, StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(variables);
        Assert.True(missing.Count == 0, $"docs/deploy.md does not mention: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task DeployDoc_StatesTheRuntimeTheTemplateUses()
    {
        var runtime = (await Snapshot.OfAsync(Snapshot.Minimal)).Single("Microsoft.Web/sites").SelectToken("properties.functionAppConfig.runtime")!;

        Assert.Contains($"`{runtime.Value<string>("name")}` `{runtime.Value<string>("version")}`", Doc(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{([A-Z][A-Z0-9_]+)")]
    private static partial Regex EnvironmentVariable();
}
