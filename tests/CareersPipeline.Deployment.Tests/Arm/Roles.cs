namespace CareersPipeline.Deployment.Tests.Arm;

/// <summary>The built-in roles infra/app/rbac.bicep may grant, by their fixed ids. Nothing else is allowed.</summary>
internal static class Roles
{
    public const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    public const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    public const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    public const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    public static readonly IReadOnlySet<string> Allowed = new HashSet<string>
    {
        StorageBlobDataOwner, StorageBlobDataContributor, StorageQueueDataContributor, StorageTableDataContributor,
        KeyVaultSecretsUser, MonitoringMetricsPublisher,
    };
}
