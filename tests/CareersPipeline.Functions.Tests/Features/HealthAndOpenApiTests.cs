using System.Net;
using System.Text.Json;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features;

[Collection(AzuriteGroup.Name)]
public sealed class HealthAndOpenApiTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Health_WithStorageUp_IsHealthy()
    {
        await using var app = await TestApp.StartAsync(storage);

        using var response = await app.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal(3, body.GetProperty("storage").GetArrayLength());
    }

    [Fact]
    public async Task Health_WithStorageDown_IsUnavailable()
    {
        var dead = FreePort.Next();
        var deadStorage = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{dead}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{dead}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{dead}/devstoreaccount1;";
        await using var app = await TestApp.StartAsync(storage, RuntimeMode.Hosted, new Dictionary<string, string?> { ["AzureWebJobsStorage"] = deadStorage });

        using var response = await app.Http.GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        Assert.DoesNotContain(dead.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApiDocument_DescribesEveryHttpFunction()
    {
        await using var app = await TestApp.StartAsync(storage);

        using var response = await app.Http.GetAsync("/api/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("paths");
        foreach (var http in FunctionCatalog.All.OfType<HttpFunction>().Where(h => h.Area == HttpArea.Api && h.Name != "OpenApiDocument"))
        {
            Assert.True(paths.TryGetProperty(http.Pattern, out _), $"{http.Pattern} is missing from the OpenAPI document");
        }

        var website = paths.GetProperty("/api/signups/website").GetProperty("post");
        Assert.True(website.GetProperty("responses").TryGetProperty("202", out _));
        Assert.True(website.GetProperty("responses").TryGetProperty("400", out _));
    }
}
