using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// Data Protection (the staff sign-in cookie, antiforgery tokens) with one key ring for every instance of the app: kept in
/// the private blob container <c>data-protection</c> (<see cref="BlobKeyRepository"/>) under a fixed application name,
/// so keys made by one instance unprotect on every other, whatever its content root. See docs/security.md.
/// </summary>
public static class StaffDataProtection
{
    /// <summary>Fixed: Data Protection isolates apps by this name, and by default it is the content root path, which differs between instances and deployments.</summary>
    public const string ApplicationName = "CareersPipeline";

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>().Configure<BlobServiceClient>((options, blobs) => options.XmlRepository = new BlobKeyRepository(blobs));
        return services;
    }
}
