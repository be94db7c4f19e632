using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Infrastructure;

/// <summary>infra/main.bicep compiled to ARM JSON once per test run.</summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<Task<(string Json, JObject Template)>> Main = new(BuildMainAsync);

    public static async Task<JObject> MainAsync() => (await Main.Value).Template;

    public static async Task<string> MainJsonAsync() => (await Main.Value).Json;

    private static async Task<(string, JObject)> BuildMainAsync()
    {
        var result = await BicepCli.RunAsync(RepoPaths.Infra, "build", RepoPaths.MainBicep, "--stdout");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed: {result.Describe()}");
        }

        return (result.StandardOutput, JObject.Parse(result.StandardOutput));
    }
}
