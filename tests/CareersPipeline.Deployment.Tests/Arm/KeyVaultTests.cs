using CareersPipeline.Deployment.Tests.Infrastructure;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Arm;

public sealed class KeyVaultTests
{
    [Fact]
    public async Task KeyVault_UsesRbacAndSoftDeleteAndIsReachableByTheApp()
    {
        var vault = (await Snapshot.OfAsync(Snapshot.Minimal)).Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True(vault.Value<bool>("enableRbacAuthorization"));
        Assert.True(vault.Value<bool>("enableSoftDelete"));
        Assert.Equal("Enabled", vault.Value<string>("publicNetworkAccess"));
        Assert.Equal(Snapshot.TenantId, vault.Value<string>("tenantId"));
        Assert.Equal(JTokenType.Null, vault["enablePurgeProtection"]?.Type ?? JTokenType.Null);
    }

    [Fact]
    public async Task KeyVault_TurnsOnPurgeProtectionWhenAsked()
    {
        var vault = (await Snapshot.OfAsync(Snapshot.Full)).Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True(vault.Value<bool>("enablePurgeProtection"));
    }

    [Fact]
    public async Task TokenSigningKey_IsSecureAndKeptAcrossProvisions()
    {
        var parameter = (await CompiledTemplate.MainAsync())["parameters"]!["tokenSigningKey"]!;
        var mapping = JObject.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))
            .SelectToken("parameters.tokenSigningKey.value")!.Value<string>();

        Assert.Equal("securestring", parameter.Value<string>("type"));
        // No default: a deployment without the hook's key fails at once instead of starting an app that refuses it.
        Assert.Null(parameter["defaultValue"]);
        Assert.Equal(32, parameter.Value<int>("minLength"));
        // The preprovision hook makes the key once per azd environment (azd's own passwords are too short for the app),
        // so the same key is stored on every provision and links and ids survive it.
        Assert.Equal("${TOKEN_SIGNING_KEY}", mapping);
    }

    [Fact]
    public async Task NoSecretParameter_HasALiteralDefault()
    {
        var parameters = ((JObject)(await CompiledTemplate.MainAsync())["parameters"]!).Properties()
            .Where(p => p.Value.Value<string>("type") == "securestring").ToList();

        Assert.Equal(3, parameters.Count);
        // Empty (an optional key that is not configured) or none at all (the signing key, which the hook always passes).
        Assert.All(parameters, p => Assert.Contains(p.Value.Value<string>("defaultValue"), new[] { "", null }));
    }
}
