using System.Net;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>The site-changes queue's consumer keeps the site current with no rebuild by hand; the admin endpoint queues a full build.</summary>
[Collection(SiteGroup.Name)]
public sealed class SiteChangeConsumerTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await SiteKit.StartAsync(storage, consumer: true);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EmployerEdits_ReachTheSiteThroughTheQueue()
    {
        var id = await _app.CreateAsync(OpportunityBodies.Vacancy());
        await Eventually.TrueAsync(async () => (await storage.ReadAsync($"opportunities/{id}/index.html")) is not null, "the new opportunity's page");

        var edited = OpportunityBodies.Vacancy();
        edited["title"] = "Night porter";
        await _app.EditAsync(id, edited);

        await Eventually.TrueAsync(
            async () => (await storage.ReadAsync($"opportunities/{id}/index.html"))?.Contains("Night porter", StringComparison.Ordinal) == true,
            "the edited title on the opportunity's page");
        await Eventually.TrueAsync(
            async () => (await storage.ReadAsync("opportunities/kind/entry-level-vacancy/index.html"))?.Contains("Night porter", StringComparison.Ordinal) == true,
            "the edited title in the list");
    }

    [Fact]
    public async Task ReferenceDataChange_RendersTheContentPagesAgain()
    {
        await _app.Services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);
        var store = _app.Services.GetRequiredService<Core.ReferenceData.ReferenceDataStore>();
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await store.UpsertAsync(new(Core.ReferenceData.ReferenceKind.Event, "EV-LEEK-JF", "Leek jobs fair", "ST13 5ED", "Foxlowe Arts Centre, Leek", today.AddDays(20)), CancellationToken.None);

        await _app.Services.GetRequiredService<QueueSender>().SendAsync(StorageNames.Queues.SiteChanges, new Core.Messages.SiteChange(SiteChangeHandler.ReferenceDataItem, "Event", "upserted"), CancellationToken.None);

        await Eventually.TrueAsync(async () => (await storage.ReadAsync("events/ev-leek-jf/index.html")) is not null, "the new event's registration page");
        Assert.Contains("Leek jobs fair", await storage.ReadAsync("events/index.html"), StringComparison.Ordinal);
        Assert.NotNull(await storage.ReadAsync("ar/events/ev-leek-jf/index.html"));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(SiteKit.Employer, HttpStatusCode.Forbidden)]
    [InlineData(SiteKit.Admin, HttpStatusCode.Accepted)]
    public async Task RebuildEndpoint_IsForAdminsOnly(string? staff, HttpStatusCode expected)
    {
        using var response = await _app.SendAsStaffAsync(staff, HttpMethod.Post, "/api/manage/site/rebuild");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task RebuildEndpoint_QueuesAFullBuild_ThatRestoresADeletedPage()
    {
        await _app.Services.GetRequiredService<SiteFullBuild>().RunAsync(CancellationToken.None);
        await storage.Web().DeleteBlobAsync("careers/index.html");

        using var response = await _app.SendAsStaffAsync(SiteKit.Admin, HttpMethod.Post, "/api/manage/site/rebuild");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Eventually.TrueAsync(async () => (await storage.ReadAsync("careers/index.html")) is not null, "the full build to put the page back", TimeSpan.FromSeconds(60));
    }
}
