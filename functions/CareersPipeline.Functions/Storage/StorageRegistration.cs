using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace CareersPipeline.Functions.Storage;

/// <summary>
/// Connects to storage the way the Functions host does, from the same AzureWebJobsStorage setting: a connection
/// string locally (Azurite), or, in Azure, an account name and a managed identity with no key anywhere.
/// </summary>
public static class StorageRegistration
{
    public const string Setting = "AzureWebJobsStorage";
    public const string LocalDefault = "UseDevelopmentStorage=true";

    public static IServiceCollection AddPipelineStorage(this IServiceCollection services, IConfiguration configuration, bool allowLocalDefault)
    {
        var connection = configuration[Setting];
        if (string.IsNullOrWhiteSpace(connection) && string.IsNullOrWhiteSpace(configuration[$"{Setting}:accountName"]))
        {
            connection = allowLocalDefault
                ? LocalDefault
                : throw new InvalidOperationException($"Storage is not configured: set {Setting} (a connection string) or {Setting}__accountName with {Setting}__credential=managedidentity.");
        }

        // Base64, as the Functions host reads and writes queue messages, so both runtimes share queues.
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        try
        {
            if (!string.IsNullOrWhiteSpace(connection))
            {
                services.AddSingleton(new TableServiceClient(connection));
                services.AddSingleton(new QueueServiceClient(connection, queueOptions));
                services.AddSingleton(new BlobServiceClient(connection));
                return services;
            }

            var account = configuration[$"{Setting}:accountName"]!;
            var credential = Credential(configuration);
            services.AddSingleton(new TableServiceClient(ServiceUri(configuration, "table", account), credential));
            services.AddSingleton(new QueueServiceClient(ServiceUri(configuration, "queue", account), credential, queueOptions));
            services.AddSingleton(new BlobServiceClient(ServiceUri(configuration, "blob", account), credential));
            return services;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            // The SDK's own message names the part it could not read (a key that is not base64, an endpoint that is not a
            // URL); the setting's value is never repeated, as it may hold a key.
            throw new InvalidOperationException($"{Setting} is not a usable storage connection: {e.Message}", e);
        }
    }

    private static Uri ServiceUri(IConfiguration configuration, string service, string account) =>
        new(configuration[$"{Setting}:{service}ServiceUri"] ?? $"https://{account}.{service}.core.windows.net");

    private static TokenCredential Credential(IConfiguration configuration) =>
        string.Equals(configuration[$"{Setting}:credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(configuration[$"{Setting}:clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
}
