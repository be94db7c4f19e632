using System.Net;
using CareersPipeline.Functions.Storage;

namespace CareersPipeline.Functions.Runtime;

/// <summary>
/// Local mode trusts a development sign-in header and serves unauthenticated /dev pages, which is only safe on a
/// developer's own machine: so it refuses to start against real storage or on a listener other machines can reach.
/// </summary>
public static class LocalModeGuard
{
    private static readonly string[] EndpointKeys = ["BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint"];

    public static void Check(IConfiguration configuration)
    {
        if (!IsLocalStorage(configuration))
        {
            throw new InvalidOperationException($"Local mode ({RuntimeModes.LocalModeSetting}=true) runs only against Azurite: {StorageRegistration.Setting} must be {StorageRegistration.LocalDefault} or name endpoints on a loopback host.");
        }

        if (configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } urls
            && urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault(u => !IsLoopbackUrl(u)) is { } open)
        {
            throw new InvalidOperationException($"Local mode ({RuntimeModes.LocalModeSetting}=true) listens on loopback only, not on {open}.");
        }
    }

    public static bool IsLocalStorage(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{StorageRegistration.Setting}:accountName"]))
        {
            return false;
        }

        var connection = configuration[StorageRegistration.Setting];
        if (string.IsNullOrWhiteSpace(connection))
        {
            return true;
        }

        var parts = connection.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development))
        {
            return string.Equals(development, "true", StringComparison.OrdinalIgnoreCase) && !parts.ContainsKey("DevelopmentStorageProxyUri");
        }

        // An account's own endpoints (or an EndpointSuffix) are real storage; every endpoint must be on this machine.
        var endpoints = EndpointKeys.Where(parts.ContainsKey).Select(k => parts[k]).ToList();
        return endpoints.Count > 0 && !parts.ContainsKey("EndpointSuffix") && endpoints.All(IsLoopbackUrl);
    }

    private static bool IsLoopbackUrl(string url)
    {
        if (!Uri.TryCreate(url.Replace("://+", "://wildcard.invalid", StringComparison.Ordinal).Replace("://*", "://wildcard.invalid", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
