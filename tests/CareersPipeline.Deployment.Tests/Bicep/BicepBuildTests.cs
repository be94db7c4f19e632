using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Bicep;

/// <summary>Every Bicep file compiles, and neither the compiler nor the linter has anything to say about it.</summary>
public sealed class BicepBuildTests
{
    public static TheoryData<string> BicepFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Infra, "*.bicep", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Infra, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task BicepFile_BuildsWithNoWarningsOrErrors(string file)
    {
        var result = await BicepCli.RunAsync(RepoPaths.Infra, "build", file, "--stdout");

        Assert.True(result.ExitCode == 0 && BicepCli.Diagnostics(result).Count == 0, result.Describe());
        Assert.Equal("", result.StandardError.Trim());
        Assert.NotNull(JObject.Parse(result.StandardOutput)["resources"]);
    }

    [Fact]
    public async Task Infra_LintsClean()
    {
        var result = await BicepCli.RunAsync(RepoPaths.Infra, "lint", "--pattern", "**/*.bicep");

        Assert.True(result.ExitCode == 0 && result.StandardError.Trim().Length == 0, result.Describe());
    }

    [Fact]
    public async Task Linter_ReportsFindingsWithTheProjectConfiguration()
    {
        // Guards the two tests above: with infra/bicepconfig.json, a linter finding is a diagnostic they would see.
        var dir = Directory.CreateTempSubdirectory("bicep-lint-");
        try
        {
            var file = Path.Combine(dir.FullName, "bad.bicep");
            await File.WriteAllTextAsync(file, "param unused string\n@secure()\nparam key string\noutput leaked string = key\n");

            var result = await BicepCli.RunAsync(dir.FullName, "lint", file, "--config", Path.Combine(RepoPaths.Infra, "bicepconfig.json"));

            var diagnostics = BicepCli.Diagnostics(result);
            Assert.Contains(diagnostics, d => d.Contains("no-unused-params", StringComparison.Ordinal));
            Assert.Contains(diagnostics, d => d.Contains("outputs-should-not-contain-secrets", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void BicepConfig_SetsEveryRuleToWarningOrErrorExceptTheTimeDependentOnes()
    {
        var rules = (JObject)JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "bicepconfig.json")))
            .SelectToken("analyzers.core.rules")!;

        // These two compare against today's date or a registry: they would turn a green build red with no change.
        string[] off = ["use-recent-api-versions", "use-recent-module-versions"];
        foreach (var rule in rules.Properties())
        {
            var expected = off.Contains(rule.Name) ? new[] { "off" } : ["warning", "error"];
            Assert.Contains(rule.Value.Value<string>("level"), expected);
        }
    }
}
