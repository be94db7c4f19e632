using System.Text.Json.Nodes;
using System.Xml.Linq;
using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Arm;

public sealed class FunctionAppTests
{
    private static async Task<JObject> SiteAsync(IReadOnlyDictionary<string, string> parameters) =>
        (await Snapshot.OfAsync(parameters)).Single("Microsoft.Web/sites");

    [Fact]
    public async Task FunctionApp_IsALinuxFlexConsumptionAppThatAzdCanFind()
    {
        var snapshot = await Snapshot.OfAsync(Snapshot.Minimal);
        var site = snapshot.Single("Microsoft.Web/sites");
        var plan = snapshot.Single("Microsoft.Web/serverfarms");

        Assert.Equal("functionapp,linux", site.Value<string>("kind"));
        Assert.Equal("api", site["tags"]!.Value<string>("azd-service-name"));
        Assert.Equal(plan.Value<string>("id"), site["properties"]!.Value<string>("serverFarmId"));
        Assert.Equal("FC1", plan["sku"]!.Value<string>("name"));
        Assert.Equal("FlexConsumption", plan["sku"]!.Value<string>("tier"));
        Assert.True(plan["properties"]!.Value<bool>("reserved"));
    }

    [Fact]
    public async Task Runtime_IsCustom_SoTheHostLoadsTheExtensionBundleForTheQueueTriggers()
    {
        // Flex Consumption turns functionAppConfig.runtime.name into FUNCTIONS_WORKER_RUNTIME; under dotnet-isolated the
        // host skips the bundle, and queueTrigger comes only from the bundle (docs/runtime.md).
        var runtime = (await SiteAsync(Snapshot.Minimal)).SelectToken("properties.functionAppConfig.runtime")!;
        var name = runtime.Value<string>("name")!;
        var host = JsonNode.Parse(File.ReadAllText(RepoPaths.InRoot("host.json")))!.AsObject();

        Assert.Equal("custom", name);
        Assert.Equal("1.0", runtime.Value<string>("version"));
        Assert.DoesNotContain(name, FunctionsHostRules.DotnetWorkerRuntimes, StringComparer.OrdinalIgnoreCase);
        Assert.True(FunctionsHostRules.LoadsExtensionBundle(name, host, []));
        Assert.False(FunctionsHostRules.LoadsExtensionBundle("dotnet-isolated", host, []));
    }

    [Fact]
    public void HostJson_StartsTheSelfContainedExecutable_NotDotnet()
    {
        // The custom runtime's image promises no .NET: `dotnet <app>.dll` would not start. The Functions tests check the
        // publish output has the executable there.
        var description = JsonNode.Parse(File.ReadAllText(RepoPaths.InRoot("host.json")))!["customHandler"]!["description"]!;
        var assembly = XDocument.Load(RepoPaths.InRoot("functions", "CareersPipeline.Functions", "CareersPipeline.Functions.csproj"));

        Assert.Equal("CareersPipeline.Functions", description["defaultExecutablePath"]!.GetValue<string>());
        Assert.Empty(description["arguments"]?.AsArray() ?? []);
        Assert.Contains(assembly.Descendants("RuntimeIdentifier"), r => r.Value == "linux-x64");
        Assert.Contains(assembly.Descendants("SelfContained"), r => r.Value == "true");
    }

    [Fact]
    public async Task FunctionApp_UsesItsUserAssignedIdentityEverywhere()
    {
        var site = await SiteAsync(Snapshot.Minimal);
        var identityId = Assert.Single(((JObject)site["identity"]!["userAssignedIdentities"]!).Properties()).Name;
        var properties = site["properties"]!;
        var deployment = properties.SelectToken("functionAppConfig.deployment.storage")!;

        Assert.Equal("UserAssigned", site["identity"]!.Value<string>("type"));
        Assert.Equal(identityId, properties.Value<string>("keyVaultReferenceIdentity"));
        Assert.Equal("UserAssignedIdentity", deployment["authentication"]!.Value<string>("type"));
        Assert.Equal(identityId, deployment["authentication"]!.Value<string>("userAssignedIdentityResourceId"));
    }

    [Fact]
    public async Task FunctionApp_TakesHttpsOnlyAndNoPublishingPasswords()
    {
        var snapshot = await Snapshot.OfAsync(Snapshot.Minimal);
        var properties = snapshot.Single("Microsoft.Web/sites")["properties"]!;
        var policies = snapshot.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();

        Assert.True(properties.Value<bool>("httpsOnly"));
        Assert.Equal("1.2", properties.SelectToken("siteConfig.minTlsVersion")!.Value<string>());
        Assert.Equal("Disabled", properties.SelectToken("siteConfig.ftpsState")!.Value<string>());
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False(p["properties"]!.Value<bool>("allow")));
    }

    [Fact]
    public async Task Cors_AllowsOnlyTheStaticWebsiteWhenTheExtraOriginIsAWildcard()
    {
        var cors = (await SiteAsync(Snapshot.Minimal)).SelectToken("properties.siteConfig.cors")!;
        var origins = cors["allowedOrigins"]!.Values<string>().ToList();

        var origin = Assert.Single(origins);
        Assert.Contains("primaryEndpoints.web", origin, StringComparison.Ordinal);
        Assert.DoesNotContain("'*'", origin, StringComparison.Ordinal);
        Assert.False(cors.Value<bool>("supportCredentials"));
    }

    [Fact]
    public async Task Cors_AddsAnExplicitHttpsSiteOrigin()
    {
        var origins = (await SiteAsync(Snapshot.Full)).SelectToken("properties.siteConfig.cors.allowedOrigins")!.Values<string>().ToList();

        Assert.Equal(2, origins.Count);
        Assert.Equal("https://careers.example.nhs.uk", origins[1]);
        Assert.DoesNotContain(origins, o => o == "*");
    }

    [Fact]
    public async Task Authentication_IsOffWithoutAnEntraClientId()
    {
        var snapshot = await Snapshot.OfAsync(Snapshot.Minimal);

        Assert.DoesNotContain(snapshot.OfType("Microsoft.Web/sites/config"), c => c.Value<string>("name")!.EndsWith("/authsettingsV2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Authentication_SignsStaffInButLetsAnonymousSignUpsThrough()
    {
        var auth = (await Snapshot.OfAsync(Snapshot.Full)).Single("Microsoft.Web/sites/config", "/authsettingsV2")["properties"]!;

        Assert.True(auth.SelectToken("platform.enabled")!.Value<bool>());
        Assert.False(auth.SelectToken("globalValidation.requireAuthentication")!.Value<bool>());
        Assert.Equal("AllowAnonymous", auth.SelectToken("globalValidation.unauthenticatedClientAction")!.Value<string>());
        Assert.Equal(Snapshot.EntraClientId, auth.SelectToken("identityProviders.azureActiveDirectory.registration.clientId")!.Value<string>());
        Assert.Contains(Snapshot.TenantId, auth.SelectToken("identityProviders.azureActiveDirectory.registration.openIdIssuer")!.Value<string>(), StringComparison.Ordinal);
        Assert.False(auth.SelectToken("login.tokenStore.enabled")!.Value<bool>());
    }
}
