using CareersPipeline.Deployment.Tests.Infrastructure;

namespace CareersPipeline.Deployment.Tests.Arm;

public sealed class RoleAssignmentTests
{
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";

    private sealed record Grant(string Scope, string Role, string Principal);

    private static List<Grant> Grants(Snapshot snapshot) => snapshot.OfType(RoleAssignment).Select(r =>
    {
        var id = r.Value<string>("id")!;
        var scope = id[..id.IndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)];
        var role = r["properties"]!.Value<string>("roleDefinitionId")!.Split('/')[^1];
        return new Grant(scope, role, r["properties"]!.Value<string>("principalId")!);
    }).ToList();

    private static bool IsTheAppIdentity(Grant g) => g.Principal.Contains("userAssignedIdentities/id-api-", StringComparison.Ordinal);

    [Fact]
    public async Task EveryRoleAssignment_GrantsAnAllowedDataRole()
    {
        var grants = Grants(await Snapshot.OfAsync(Snapshot.Full));

        Assert.NotEmpty(grants);
        Assert.All(grants, g => Assert.Contains(g.Role, Roles.Allowed));
    }

    [Fact]
    public async Task EveryRoleAssignment_IsScopedToOneResource()
    {
        // Compiled template: a role assignment without its own scope would apply to the whole resource group.
        var assignments = ArmTemplate.AllResources(await CompiledTemplate.MainAsync())
            .Where(r => r.Value<string>("type") == RoleAssignment).ToList();

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.False(string.IsNullOrEmpty(a.Value<string>("scope")), a.ToString()));
    }

    [Fact]
    public async Task AppIdentity_HasExactlyTheDataRolesItUses()
    {
        var grants = Grants(await Snapshot.OfAsync(Snapshot.Full)).Where(IsTheAppIdentity).ToList();

        Assert.Equal(
            new[]
            {
                ("Microsoft.Insights/components", Roles.MonitoringMetricsPublisher),
                ("Microsoft.KeyVault/vaults", Roles.KeyVaultSecretsUser),
                ("Microsoft.Storage/storageAccounts", Roles.StorageBlobDataOwner),
                ("Microsoft.Storage/storageAccounts", Roles.StorageQueueDataContributor),
                ("Microsoft.Storage/storageAccounts", Roles.StorageTableDataContributor),
            }.Order(),
            grants.Select(g => (ResourceType(g.Scope), g.Role)).Order());
    }

    [Fact]
    public async Task Person_GetsBlobWriteAndSecretReadOnlyWhenAPrincipalIdIsGiven()
    {
        var withPerson = Grants(await Snapshot.OfAsync(Snapshot.Full)).Where(g => g.Principal == Snapshot.PrincipalId).ToList();
        var withoutPerson = Grants(await Snapshot.OfAsync(Snapshot.Minimal));

        Assert.Equal(
            new[] { ("Microsoft.KeyVault/vaults", Roles.KeyVaultSecretsUser), ("Microsoft.Storage/storageAccounts", Roles.StorageBlobDataContributor) },
            withPerson.Select(g => (ResourceType(g.Scope), g.Role)).Order());
        Assert.All(withoutPerson, g => Assert.True(IsTheAppIdentity(g), $"unexpected grant to {g.Principal}"));
    }

    private static string ResourceType(string scope)
    {
        var parts = scope.Split("/providers/", StringSplitOptions.None)[^1].Split('/');
        return $"{parts[0]}/{parts[1]}";
    }
}
