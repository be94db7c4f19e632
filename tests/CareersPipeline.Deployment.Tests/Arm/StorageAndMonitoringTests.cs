using System.Text.RegularExpressions;
using CareersPipeline.Deployment.Tests.Infrastructure;

namespace CareersPipeline.Deployment.Tests.Arm;

public sealed class StorageAndMonitoringTests
{
    [Fact]
    public async Task StorageAccount_AcceptsOnlyEntraAuthenticatedHttps()
    {
        var storage = (await Snapshot.OfAsync(Snapshot.Minimal)).Single("Microsoft.Storage/storageAccounts");
        var properties = storage["properties"]!;

        Assert.Equal("StorageV2", storage.Value<string>("kind"));
        Assert.False(properties.Value<bool>("allowSharedKeyAccess"));
        Assert.False(properties.Value<bool>("allowBlobPublicAccess"));
        Assert.True(properties.Value<bool>("defaultToOAuthAuthentication"));
        Assert.True(properties.Value<bool>("supportsHttpsTrafficOnly"));
        Assert.Equal("TLS1_2", properties.Value<string>("minimumTlsVersion"));
    }

    [Fact]
    public async Task DeploymentPackageContainer_IsPrivate()
    {
        var container = (await Snapshot.OfAsync(Snapshot.Minimal)).Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Contains("/app-package-", container.Value<string>("name"), StringComparison.Ordinal);
        Assert.Equal("None", container["properties"]!.Value<string>("publicAccess"));
    }

    [Fact]
    public async Task CompiledTemplate_NeverReadsKeysOrBuildsKeyedConnectionStrings()
    {
        var json = await CompiledTemplate.MainJsonAsync();

        // listKeys, listAccountSas, listServiceSas, listConnectionStrings...: every list* function hands out a credential.
        Assert.DoesNotMatch(new Regex(@"\blist[A-Za-z]*\(", RegexOptions.IgnoreCase), json);
        Assert.DoesNotContain("AccountKey=", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SharedAccessSignature=", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ApplicationInsights_IsWorkspaceBasedAndRefusesKeyOnlyTelemetry()
    {
        var snapshot = await Snapshot.OfAsync(Snapshot.Minimal);
        var insights = snapshot.Single("Microsoft.Insights/components")["properties"]!;
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(insights.Value<bool>("DisableLocalAuth"));
        Assert.Equal(workspace.Value<string>("id"), insights.Value<string>("WorkspaceResourceId"));
    }

    [Fact]
    public async Task EveryTrackedResource_IsTaggedWithTheAzdEnvironment()
    {
        var tracked = (await Snapshot.OfAsync(Snapshot.Minimal)).Resources.Where(r => r["location"] is not null).ToList();

        Assert.NotEmpty(tracked);
        Assert.All(tracked, r => Assert.Equal("ci", r["tags"]?.Value<string>("azd-env-name")));
    }
}
