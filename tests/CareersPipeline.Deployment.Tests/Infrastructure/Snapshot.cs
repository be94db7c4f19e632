using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace CareersPipeline.Deployment.Tests.Infrastructure;

/// <summary>
/// What main.bicep would deploy for a given set of parameters, from `bicep snapshot`: Bicep's own deployment engine
/// evaluates the compiled template offline, modules and conditions included. Values known only once Azure has
/// created something (a principal id, an endpoint) stay ARM expressions; secure parameters are not evaluated.
/// </summary>
internal sealed class Snapshot
{
    public const string SubscriptionId = "22222222-2222-2222-2222-222222222222";
    public const string TenantId = "33333333-3333-3333-3333-333333333333";
    public const string PrincipalId = "44444444-4444-4444-4444-444444444444";
    public const string EntraClientId = "55555555-5555-5555-5555-555555555555";

    /// <summary>What the preprovision hook makes, standing in for its random key.</summary>
    private const string SigningKey = "'snapshot-signing-key-0123456789abcdefghijklmnop'";

    /// <summary>Only what azd always passes: no person, no staff sign-in, a wildcard CORS origin that must be dropped.</summary>
    public static readonly IReadOnlyDictionary<string, string> Minimal = new Dictionary<string, string>
    {
        ["environmentName"] = "'ci'",
        ["location"] = "'uksouth'",
        ["tokenSigningKey"] = SigningKey,
        ["siteOrigin"] = "'*'",
    };

    /// <summary>Every optional feature on.</summary>
    public static readonly IReadOnlyDictionary<string, string> Full = new Dictionary<string, string>
    {
        ["environmentName"] = "'ci'",
        ["location"] = "'uksouth'",
        ["tokenSigningKey"] = SigningKey,
        ["principalId"] = $"'{PrincipalId}'",
        ["entraClientId"] = $"'{EntraClientId}'",
        ["siteOrigin"] = "'https://careers.example.nhs.uk'",
        ["keyVaultPurgeProtection"] = "true",
        ["sendGridApiKey"] = "'not-a-real-key'",
        ["dfeVacanciesApiKey"] = "'not-a-real-key'",
    };

    private static readonly ConcurrentDictionary<string, Lazy<Task<Snapshot>>> Cache = new();

    private Snapshot(JObject json) => Json = json;

    public JObject Json { get; }

    public IReadOnlyList<JObject> Resources => Json["predictedResources"]!.Children<JObject>().ToList();

    public IEnumerable<JObject> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Value<string>("type"), type, StringComparison.OrdinalIgnoreCase));

    public JObject Single(string type, string nameEndsWith = "") =>
        Assert.Single(OfType(type), r => r.Value<string>("name")!.EndsWith(nameEndsWith, StringComparison.Ordinal));

    public static Task<Snapshot> OfAsync(IReadOnlyDictionary<string, string> parameters)
    {
        var key = string.Join(";", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
        return Cache.GetOrAdd(key, _ => new Lazy<Task<Snapshot>>(() => TakeAsync(parameters))).Value;
    }

    private static async Task<Snapshot> TakeAsync(IReadOnlyDictionary<string, string> parameters)
    {
        var dir = Directory.CreateTempSubdirectory("deployment-tests-");
        try
        {
            // A .bicepparam file must name its template by a relative path.
            var paramsFile = Path.Combine(dir.FullName, "test.bicepparam");
            var lines = parameters.Select(p => $"param {p.Key} = {p.Value}")
                .Prepend($"using '{Path.GetRelativePath(dir.FullName, RepoPaths.MainBicep).Replace('\\', '/')}'");
            await File.WriteAllLinesAsync(paramsFile, lines);

            var result = await BicepCli.RunAsync(
                dir.FullName,
                "snapshot", paramsFile, "--mode", "overwrite", "--subscription-id", SubscriptionId, "--tenant-id", TenantId,
                "--location", "uksouth", "--deployment-name", "azd");
            var output = Path.Combine(dir.FullName, "test.snapshot.json");
            if (result.ExitCode != 0 || !File.Exists(output))
            {
                throw new InvalidOperationException($"bicep snapshot failed: {result.Describe()}");
            }

            return new Snapshot(JObject.Parse(await File.ReadAllTextAsync(output)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
