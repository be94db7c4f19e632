using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Infrastructure;

public static class StaffSeeding
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

        foreach (var staff in DemoData.Staff)
        {
            await app.Services.GetRequiredService<StaffDirectory>().UpsertAsync(staff, CancellationToken.None);
        }
    }

    /// <summary>A request as a member of staff (local mode's development sign-in); null acts as nobody.</summary>
    public static async Task<HttpResponseMessage> SendAsStaffAsync(this TestApp app, string? staffId, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (staffId is not null)
        {
            request.Headers.Add(StaffAuthentication.DevUserHeader, staffId);
        }

        return await app.Http.SendAsync(request);
    }
}
