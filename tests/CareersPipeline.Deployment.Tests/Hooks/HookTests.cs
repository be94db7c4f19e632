using CareersPipeline.Deployment.Tests.Infrastructure;

namespace CareersPipeline.Deployment.Tests.Hooks;

/// <summary>The azd hooks, run by a POSIX shell (dash here, as azd's `shell: sh` would) against fake az and curl.</summary>
public sealed class HookTests : IDisposable
{
    private readonly FakeTools _tools = new();

    public void Dispose() => _tools.Dispose();

    private Task<ProcessResult> RunAsync(string script, params (string, string)[] environment) =>
        ProcessRunner.RunAsync("sh", [Path.Combine("infra", "hooks", script)], RepoPaths.Root, _tools.Environment(environment));

    private static readonly (string, string)[] Azd =
    [
        ("AZURE_STORAGE_ACCOUNT_NAME", "stexample"),
        ("SERVICE_API_URI", "https://func-api-example.azurewebsites.net"),
    ];

    [Fact]
    public async Task Preprovision_MakesAStrongSigningKeyOnce_AndNeverPrintsIt()
    {
        var first = await RunAsync("preprovision.sh");
        var second = await RunAsync("preprovision.sh");

        Assert.True(first.ExitCode == 0, first.Describe());
        Assert.True(second.ExitCode == 0, second.Describe());
        var key = Assert.Single(File.ReadAllLines(_tools.AzdEnvironmentPath)).Split('=', 2)[1];
        var bytes = Convert.FromBase64String(key);
        Assert.Equal(48, bytes.Length);
        Assert.True(bytes.Distinct().Count() >= 16, "48 random bytes should hold many distinct values");
        Assert.DoesNotContain(key, first.StandardOutput + first.StandardError + second.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("kept", second.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_EnablesTheStaticWebsiteWithEntraAuth_ThenRequestsABuild()
    {
        var result = await RunAsync("postprovision.sh", [.. Azd, ("FAKE_CURL_STATUS", "202")]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains(
            "az storage blob service-properties update --account-name stexample --auth-mode login --static-website "
            + "--index-document index.html --404-document 404.html --output none",
            _tools.Calls);
        var curl = Assert.Single(_tools.Calls, c => c.StartsWith("curl ", StringComparison.Ordinal));
        Assert.Contains("--request POST", curl, StringComparison.Ordinal);
        Assert.EndsWith(" https://func-api-example.azurewebsites.net/api/manage/site/rebuild", curl, StringComparison.Ordinal);
        Assert.Contains("Site build started (HTTP 202)", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_SucceedsAndSaysSoWhenTheRebuildEndpointIsMissing()
    {
        var result = await RunAsync("postprovision.sh", [.. Azd, ("FAKE_CURL_STATUS", "404")]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("HTTP 404", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postprovision_RetriesThenFailsWhenTheStaticWebsiteCannotBeEnabled()
    {
        var result = await RunAsync("postprovision.sh", [.. Azd, ("FAKE_AZ_EXIT", "1"), ("HOOK_ATTEMPTS", "2")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(2, _tools.Calls.Count(c => c.StartsWith("az storage", StringComparison.Ordinal)));
        Assert.DoesNotContain(_tools.Calls, c => c.StartsWith("curl ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Postprovision_RefusesToRunOutsideAzd()
    {
        var result = await RunAsync("postprovision.sh", ("AZURE_STORAGE_ACCOUNT_NAME", ""));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Empty(_tools.Calls);
    }

    [Fact]
    public async Task RebuildSite_SendsATokenOnlyWhenStaffSignInIsConfigured_AndNeverOnTheCommandLine()
    {
        var anonymous = await RunAsync("rebuild-site.sh", Azd);
        var anonymousCalls = _tools.Calls.ToList();
        var signedIn = await RunAsync("rebuild-site.sh", [.. Azd, ("ENTRA_CLIENT_ID", "55555555-5555-5555-5555-555555555555")]);
        var signedInCalls = _tools.Calls.Skip(anonymousCalls.Count).ToList();

        Assert.True(anonymous.ExitCode == 0 && signedIn.ExitCode == 0, anonymous.Describe() + signedIn.Describe());
        Assert.DoesNotContain(anonymousCalls, c => c.Contains("Authorization", StringComparison.Ordinal));
        Assert.Contains("az account get-access-token --resource api://55555555-5555-5555-5555-555555555555 --query accessToken --output tsv", signedInCalls);
        Assert.Contains("stdin: Authorization: Bearer fake-token", signedInCalls);
        Assert.DoesNotContain(signedInCalls, c => c.StartsWith("curl ", StringComparison.Ordinal) && c.Contains("fake-token", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("401")]
    [InlineData("500")]
    [InlineData("000")]
    public async Task RebuildSite_NeverFailsAzd(string status)
    {
        var result = await RunAsync("rebuild-site.sh", [.. Azd, ("FAKE_CURL_STATUS", status)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"HTTP {status}", result.StandardOutput, StringComparison.Ordinal);
    }
}
