using System.Net;
using System.Text.Json;
using Azure.Storage.Blobs;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>
/// The site's tests have their own Azurite, so that nothing another test class leaves on the site-changes queue can
/// upload blobs while a test counts uploads. The tests in it run one at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiteGroup : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Site";
}

public static class SiteKit
{
    public const string Employer = "employer-uhnm";
    public const string Admin = "admin-ics";

    /// <summary>
    /// The app with the demo staff and reference data, its site timers quiet, and the site-changes consumer on or off
    /// (off: a test publishes changes itself, to see exactly what each one does).
    /// </summary>
    public static async Task<TestApp> StartAsync(AzuriteFixture storage, bool consumer, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["SITE_REBUILD_SCHEDULE"] = "0 0 0 1 1 *",
            ["SITE_SEARCH_SCHEDULE"] = "0 0 0 1 1 *",
            ["OPPORTUNITY_CLOSING_SCHEDULE"] = "0 0 0 1 1 *",
            ["AzureWebJobs.PublishSiteChanges.Disabled"] = consumer ? "false" : "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var app = await TestApp.StartAsync(storage, settings: values);
        await app.SeedStaffAsync();
        await storage.Queues.GetQueueClient(StorageNames.Queues.SiteChanges).ClearMessagesAsync();
        return app;
    }

    /// <summary>A client that shows redirects instead of following them.</summary>
    public static HttpClient NoRedirects(this TestApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    public static BlobContainerClient Web(this AzuriteFixture storage) => storage.Blobs.GetBlobContainerClient(StorageNames.Containers.Web);

    /// <summary>Every blob in $web with its ETag, which changes exactly when the blob is written.</summary>
    public static async Task<Dictionary<string, string>> EtagsAsync(this AzuriteFixture storage)
    {
        var etags = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in storage.Web().GetBlobsAsync())
        {
            etags[blob.Name] = blob.Properties.ETag!.Value.ToString();
        }

        return etags;
    }

    /// <summary>Waits for the applicant who signed up with <paramref name="email"/> to be in storage.</summary>
    public static Task<CareersPipeline.Core.People.ApplicantEntity> ApplicantAsync(this AzuriteFixture storage, string email) =>
        Eventually.GetAsync(
            async () =>
            {
                await foreach (var applicant in storage.Tables.GetTableClient(StorageNames.Tables.Applicants).QueryAsync<CareersPipeline.Core.People.ApplicantEntity>(a => a.Email == email))
                {
                    return applicant;
                }

                return null;
            },
            $"the applicant {email} in storage");

    public static async Task<string?> ReadAsync(this AzuriteFixture storage, string path)
    {
        var blob = storage.Web().GetBlobClient(path);
        return await blob.ExistsAsync() ? (await blob.DownloadContentAsync()).Value.Content.ToString() : null;
    }

    public static async Task<string> CreateAsync(this TestApp app, Dictionary<string, object?> body, bool publish = true)
    {
        using var created = await app.SendAsStaffAsync(Employer, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(body));
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
        if (publish)
        {
            await app.ActAsync("publish", id);
        }

        return id;
    }

    public static async Task ActAsync(this TestApp app, string action, string id, object? body = null)
    {
        using var response = await app.SendAsStaffAsync(Employer, HttpMethod.Post, $"/api/employer/opportunities/{id}/{action}", body is null ? null : OpportunityBodies.Json(body));
        Assert.True(response.IsSuccessStatusCode, $"{action}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task EditAsync(this TestApp app, string id, Dictionary<string, object?> body)
    {
        using var response = await app.SendAsStaffAsync(Employer, HttpMethod.Put, $"/api/employer/opportunities/{id}", OpportunityBodies.Json(body), await app.ETagAsync(Employer, $"/api/employer/opportunities/{id}"));
        Assert.True(response.IsSuccessStatusCode, $"edit: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
