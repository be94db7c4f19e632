using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>The administration tests' helpers: a staff directory they control, versioned requests, and Entra sign-ins.</summary>
internal static class AdminKit
{
    /// <summary>Empties the staff directory (the collection shares one Azurite), then stores the demo staff unless told not to.</summary>
    public static async Task ResetStaffAsync(this TestApp app, bool demoStaff = true)
    {
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.StaffUsers);
        await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All);
        }

        if (demoStaff)
        {
            await app.SeedStaffAsync();
        }
    }

    /// <summary>A request as a member of staff (local development sign-in), with If-Match when given.</summary>
    public static Task<HttpResponseMessage> SendAsync(this TestApp app, string? staffId, HttpMethod method, string path, object? body = null, string? ifMatch = null) =>
        app.SendWithAsync(staffId is null ? [] : [(StaffAuthentication.DevUserHeader, staffId)], method, path, body, ifMatch);

    /// <summary>A request signed in as App Service Authentication passes an Entra sign-in (hosted mode with it on).</summary>
    public static Task<HttpResponseMessage> SendAsEntraAsync(this TestApp app, string objectId, string? email, HttpMethod method, string path, object? body = null, string? ifMatch = null) =>
        app.SendWithAsync([(ClientPrincipal.HeaderName, PrincipalHeader(objectId, email))], method, path, body, ifMatch);

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    public static string PrincipalHeader(string objectId, string? email)
    {
        var claims = new List<object> { new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId }, new { typ = "name", val = "Test" } };
        if (email is not null)
        {
            claims.Add(new { typ = "preferred_username", val = email });
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims })));
    }

    private static async Task<HttpResponseMessage> SendWithAsync(this TestApp app, IEnumerable<(string Name, string Value)> headers, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body switch
            {
                null => null,
                HttpContent content => content,
                _ => JsonContent.Create(body, body.GetType(), options: JsonDefaults.Options),
            },
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await app.Http.SendAsync(request);
    }
}
