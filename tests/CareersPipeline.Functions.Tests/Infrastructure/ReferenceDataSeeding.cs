using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.ReferenceData;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Infrastructure;

public static class ReferenceDataSeeding
{
    /// <summary>Stores the demo schools, events and programmes, which the door tests name by code.</summary>
    public static async Task SeedReferenceDataAsync(this TestApp app)
    {
        var store = app.Services.GetRequiredService<ReferenceDataStore>();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await app.Services.GetRequiredService<Core.Storage.StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        foreach (var item in DemoData.Schools.Concat(DemoData.Events(today)).Concat(DemoData.Programmes(today)))
        {
            await store.UpsertAsync(item, CancellationToken.None);
        }
    }
}
