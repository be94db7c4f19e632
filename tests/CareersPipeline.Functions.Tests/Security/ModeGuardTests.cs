using System.Diagnostics;
using CareersPipeline.Functions.Hosting;
using CareersPipeline.Functions.Runtime;
using Microsoft.Extensions.Configuration;

namespace CareersPipeline.Functions.Tests.Security;

/// <summary>Finding 7: the app must not fall into local mode, nor run local mode or hosted mode unsafely.</summary>
public sealed class ModeGuardTests
{
    private const string RealAccount = "DefaultEndpointsProtocol=https;AccountName=careersprod;AccountKey=bm90LWEtcmVhbC1rZXk=;EndpointSuffix=core.windows.net";

    [Fact]
    public async Task LocalMode_AgainstANonAzuriteConnectionString_RefusesToStart()
    {
        var (exit, stderr) = await RunAppAsync("--CAREERS_LOCAL_MODE=true", $"--AzureWebJobsStorage={RealAccount}");

        AssertRefusedInOneLine(exit, stderr, "only against Azurite");
    }

    [Fact]
    public async Task LocalMode_OnAListenerOtherMachinesCanReach_RefusesToStart()
    {
        var (exit, stderr) = await RunAppAsync("--CAREERS_LOCAL_MODE=true", "--AzureWebJobsStorage=UseDevelopmentStorage=true", "--urls=http://0.0.0.0:7999");

        AssertRefusedInOneLine(exit, stderr, "loopback only");
    }

    [Fact]
    public async Task MalformedStorageConnectionString_RefusesToStartInOneLine_WithoutRepeatingTheKey()
    {
        const string key = "not-base64-key!!";
        var (exit, stderr) = await RunAppAsync("--CAREERS_LOCAL_MODE=true", $"--AzureWebJobsStorage=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1");

        AssertRefusedInOneLine(exit, stderr, "AzureWebJobsStorage is not a usable storage connection");
        Assert.DoesNotContain(key, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RATE_LIMIT_CLIENT_PERMITS", "abc")]
    [InlineData("RATE_LIMIT_ADDRESS_PERMITS", "0")]
    [InlineData("RATE_LIMIT_CLIENT_WINDOW", "-00:00:05")]
    [InlineData("RATE_LIMIT_ADDRESS_WINDOW", "an hour")]
    public async Task UnusableRateLimitSetting_RefusesToStartInOneLine(string setting, string value)
    {
        var (exit, stderr) = await RunAppAsync("--CAREERS_LOCAL_MODE=true", "--AzureWebJobsStorage=UseDevelopmentStorage=true", $"--{setting}={value}");

        AssertRefusedInOneLine(exit, stderr, setting);
    }

    [Fact]
    public async Task NeitherHostNorLocalModeAskedFor_RefusesToStart()
    {
        var (exit, stderr) = await RunAppAsync("--AzureWebJobsStorage=UseDevelopmentStorage=true");

        AssertRefusedInOneLine(exit, stderr, RuntimeModes.LocalModeSetting);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;", true)]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://localhost:10000/devstoreaccount1;", true)]
    [InlineData(RealAccount, false)]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=x;AccountKey=a2V5;BlobEndpoint=https://x.blob.core.windows.net/;QueueEndpoint=http://127.0.0.1:10001/x", false)]
    [InlineData("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://storage.example.org", false)]
    public void OnlyAzuriteCountsAsLocalStorage(string connection, bool local) =>
        Assert.Equal(local, LocalModeGuard.IsLocalStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connection }).Build()));

    [Theory]
    [InlineData(FunctionApp.LocalSigningKey)]
    [InlineData("short-key")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void HostedMode_RefusesADevelopmentOrWeakSigningKey(string key)
    {
        var refusal = Assert.Throws<InvalidOperationException>(() => FunctionApp.Build([], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [RuntimeModes.PortVariable] = "7999",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["TOKEN_SIGNING_KEY"] = key,
        })));

        Assert.Contains("TOKEN_SIGNING_KEY", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AGeneratedKey_IsStrongEnough() =>
        Assert.Null(SigningKeyStrength.Weakness(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)), FunctionApp.LocalSigningKey));

    private static void AssertRefusedInOneLine(int exit, string stderr, string expected)
    {
        Assert.NotEqual(0, exit);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, stderr);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    /// <summary>The real executable (built beside the tests), with none of this machine's Functions or ASP.NET settings.</summary>
    private static async Task<(int Exit, string Stderr)> RunAppAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CareersPipeline.Functions.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("FUNCTIONS_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("CAREERS_", StringComparison.Ordinal) || k == "AzureWebJobsStorage").ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException("The app kept running instead of refusing to start.");
        }

        return (process.ExitCode, await stderr);
    }
}
