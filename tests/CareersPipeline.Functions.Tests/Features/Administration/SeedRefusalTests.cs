using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Administration;

/// <summary>seed is for demo data only: it refuses storage that holds a real person's sign-up.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SeedRefusalTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Seed_RefusesStorageWithARealSignUp_WithOneClearLine()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        var applicants = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.Tables.Applicants);
        var real = new ApplicantEntity { PartitionKey = "a" + Guid.NewGuid().ToString("n"), Email = "real.person@nhs.net", Door = nameof(Door.Website) };
        await applicants.AddEntityAsync(real);
        try
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                app.Services.GetRequiredService<DemoSeeder>().SeedAsync(1, new Progress<string>(), CancellationToken.None));

            Assert.Equal(DemoSeeder.RefusalMessage, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
        finally
        {
            // The collection shares one Azurite: the other tests seed it.
            await applicants.DeleteEntityAsync(real.PartitionKey, real.RowKey, ETag.All);
        }
    }

    [Theory]
    [InlineData("amira@example.org", true)]
    [InlineData("a@sub.example.com", true)]
    [InlineData("x@school.test", true)]
    [InlineData("real.person@nhs.net", false)]
    [InlineData("someone@notexample.org", false)]
    [InlineData(null, false)]
    public void DemoAddresses_AreOnlyReservedExampleDomains(string? email, bool demo) =>
        Assert.Equal(demo, RealDataCheck.IsDemoAddress(email));
}
