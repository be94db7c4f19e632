using System.Diagnostics;
using System.Text.Json.Nodes;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Manifests;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Manifests;

/// <summary>
/// `dotnet publish` (what azd zip-deploys) produces the layout the Functions host loads: host.json, one folder per
/// function with its function.json, and the executable host.json names; and that executable answers the start-up probe.
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
    public void PublishOutput_HasTheExecutableHostJsonNames()
    {
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "host.json")))!["customHandler"]!["description"]!;

        var dll = description["arguments"]![0]!.GetValue<string>();
        Assert.True(File.Exists(Path.Combine(_output, dll)), $"{dll} is missing");
        Assert.True(File.Exists(Path.Combine(_output, Path.ChangeExtension(dll, ".runtimeconfig.json"))));
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
        var description = JsonNode.Parse(File.ReadAllText(Path.Combine(_output, "host.json")))!["customHandler"]!["description"]!;
        var port = FreePort.Next();
        var start = new ProcessStartInfo(description["defaultExecutablePath"]!.GetValue<string>(), [description["arguments"]![0]!.GetValue<string>()])
        {
            WorkingDirectory = _output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["FUNCTIONS_WORKER_RUNTIME"] = "custom";
        start.Environment["AzureWebJobsStorage"] = "UseDevelopmentStorage=true";
        start.Environment["TOKEN_SIGNING_KEY"] = "publish-test-key-that-is-long-enough-0123456789";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var answered = await Eventually.GetAsync(
                async () =>
                {
                    try
                    {
                        return await http.GetAsync($"http://127.0.0.1:{port}/");
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // Not listening yet, or the first request is still warming up on a busy machine.
                        return null;
                    }
                },
                "the published app to answer the probe",
                TimeSpan.FromSeconds(30));
            Assert.True(answered.IsSuccessStatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }
}

/// <summary>One `dotnet publish` for all the tests that read its output.</summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Output { get; } = Directory.CreateTempSubdirectory("publish-").FullName;

    public async Task InitializeAsync()
    {
        var (exitCode, log) = await RunAsync("dotnet", ["publish", Path.Combine(RepoPaths.Root, "functions", "CareersPipeline.Functions"), "-c", "Release", "-o", Output, "--nologo"], TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, "dotnet publish failed:\n" + log);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        return Task.CompletedTask;
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
