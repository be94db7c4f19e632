using System.Net.Http.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Infrastructure;

/// <summary>Acting as staff: the demo staff stored, and requests made as one of them with local mode's development sign-in.</summary>
public static class StaffKit
{
    /// <summary>Stores the demo staff and employers, so tests can act as them with the local development sign-in.</summary>
    public static async Task SeedStaffAsync(this TestApp app)
    {
        await app.SeedReferenceDataAsync();
        var store = app.Services.GetRequiredService<Core.ReferenceData.ReferenceDataStore>();
        foreach (var employer in DemoData.Employers)
        {
            await store.UpsertAsync(employer, CancellationToken.None);
        }

        await app.StoreDemoStaffAsync();
    }

    /// <summary>Stores the demo staff only (the storage must exist), for tests that bring their own reference data.</summary>
    public static async Task StoreDemoStaffAsync(this TestApp app)
    {
        var directory = app.Services.GetRequiredService<StaffDirectory>();
        foreach (var staff in DemoData.Staff)
        {
            await directory.UpsertAsync(staff, CancellationToken.None);
        }
    }

    /// <summary>The version (ETag) of a record as <paramref name="staffId"/> reads it, for If-Match.</summary>
    public static async Task<string> ETagAsync(this TestApp app, string staffId, string path)
    {
        using var response = await app.SendAsStaffAsync(staffId, HttpMethod.Get, path);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{path} sent no ETag.");
    }

    /// <summary>
    /// A request as a member of staff (local mode's development sign-in); null acts as nobody. <paramref name="body"/> is sent as it
    /// is when it is <see cref="HttpContent"/> (a CSV, a malformed body), otherwise as JSON the way the API reads it.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsStaffAsync(this TestApp app, string? staffId, HttpMethod method, string path, object? body = null, string? ifMatch = null)
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
        if (staffId is not null)
        {
            request.Headers.Add(StaffAuthentication.DevUserHeader, staffId);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await app.Http.SendAsync(request);
    }
}
