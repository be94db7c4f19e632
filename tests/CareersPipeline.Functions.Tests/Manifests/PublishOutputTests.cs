using System.Diagnostics;
using System.Text.Json.Nodes;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Manifests;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Manifests;

/// <summary>
/// `dotnet publish` (what azd zip-deploys) produces the layout the Functions host loads: host.json, one folder per
/// function with its function.json, and the self-contained executable host.json names; and that executable, started
/// as the host starts it, answers the start-up probe.
/// </summary>
public sealed class PublishOutputTests(PublishedApp published) : IClassFixture<PublishedApp>
{
    private readonly string _output = published.Output;

    [Fact]
    public void PublishOutput_HasHostJsonAndEveryFunctionJson()
    {
        Assert.Equal(ManifestWriter.ToJson(HostManifest.Create()), File.ReadAllText(Path.Combine(_output, "host.json")).ReplaceLineEndings("\n"));
        foreach (var function in FunctionCatalog.All)
        {
            var path = Path.Combine(_output, function.Name, "function.json");
            Assert.True(File.Exists(path), $"{function.Name}/function.json is missing from the publish output");
            Assert.Equal(ManifestWriter.ToJson(FunctionManifest.Create(function)), File.ReadAllText(path).ReplaceLineEndings("\n"));
        }
    }

    [Fact]
    public void PublishOutput_IsSelfContained_WithTheExecutableWhereHostJsonPoints()
    {
        // Flex Consumption's `custom` runtime has no .NET: the host runs defaultExecutablePath, resolved against the app's
        // root (HttpWorkerDescription.ApplyDefaultsAndValidate), and that file must carry the runtime with it.
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "host.json")))!["customHandler"]!["description"]!;
        var executable = ExecutableHandler.ExecutablePath(_output);

        Assert.False(Path.IsPathRooted(description["defaultExecutablePath"]!.GetValue<string>()));
        Assert.Empty(description["arguments"]?.AsArray() ?? []);
        Assert.True(File.Exists(executable), $"{executable} is missing");
        Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(executable)[..4]);
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(executable).HasFlag(UnixFileMode.UserExecute), "the executable is not executable");
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(executable + ".runtimeconfig.json"))!["runtimeOptions"]!;
        Assert.Null(runtimeConfig["frameworks"]);
        Assert.Null(runtimeConfig["framework"]);
        Assert.Equal(["Microsoft.NETCore.App", "Microsoft.AspNetCore.App"], runtimeConfig["includedFrameworks"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(_output, "libcoreclr.so")), "the .NET runtime is not in the output");
        Assert.True(File.Exists(Path.Combine(_output, "appsettings.json")));
    }

    [Fact]
    public void PublishOutput_CarriesPagefind_ForTheSitesSearchIndex()
    {
        // scripts/test runs npm ci, which installs it; without it the site is built without search (docs/site.md).
        var pagefind = Path.Combine(_output, "tools", Core.Features.Site.Pagefind.BinaryName);
        Assert.True(File.Exists(pagefind), $"{pagefind} is missing from the publish output");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(pagefind).HasFlag(UnixFileMode.UserExecute), "Pagefind is not executable");
    }

    [Fact]
    public async Task PublishedApp_StartedAsTheHostStartsIt_AnswersTheProbe()
    {
        // Not even storage is needed to answer: the host waits for any HTTP answer on GET / before it invokes anything.
        await using var app = await ExecutableHandler.StartAsync(_output, new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["TOKEN_SIGNING_KEY"] = "publish-test-key-that-is-long-enough-0123456789",
        });

        using var response = await app.Http.GetAsync("/");

        Assert.True(response.IsSuccessStatusCode);
    }
}

/// <summary>
/// One `dotnet publish` (what azd runs before it zip-deploys) for the whole test run, shared by every class that reads or
/// starts its output. It goes into this test assembly's folder and is replaced on each run.
/// </summary>
public sealed class PublishedApp : IAsyncLifetime
{
    private static readonly Lazy<Task<string>> Shared = new(PublishAsync);

    public string Output { get; private set; } = string.Empty;

    public async Task InitializeAsync() => Output = await Shared.Value;

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(AppContext.BaseDirectory, "published-app");
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var (exitCode, log) = await RunAsync("dotnet", ["publish", Path.Combine(RepoPaths.Root, "functions", "CareersPipeline.Functions"), "-c", "Release", "-o", output, "--nologo"], TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, "dotnet publish failed:\n" + log);
        return output;
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string file, string[] args, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output + await error);
    }
}
