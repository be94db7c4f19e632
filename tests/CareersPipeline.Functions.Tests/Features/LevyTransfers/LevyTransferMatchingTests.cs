using System.Text.Json;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.LevyTransfers;

/// <summary>Workplace postcodes are located through postcodes.io (a fake here) and matched against the pledge's radius; and the demo pledges seed once.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class LevyTransferMatchingTests(AzuriteFixture storage) : IAsyncLifetime
{
    private readonly WireMockServer _postcodes = WireMockServer.Start();
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        Stub("ST5 2LY", 53.0112, -2.2466);
        Stub("DE14 1AA", 52.8019, -1.6370);
        _app = await Levy.StartAsync(storage, new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _postcodes.Url });
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _postcodes.Stop();
    }

    [Fact]
    public async Task Apply_WorkplaceWithinTheRadius_Matches100_AndOutsideIt75()
    {
        var input = Levy.Pledge(_app) with { Locations = [new PledgeLocationInput("Stoke-on-Trent", null, 52.9945, -2.2139, 15)] };
        var pledge = await _app.CreatePledgeAsync(input);

        var near = await _app.ApplyAsync(pledge.Id, Levy.Application(_app));
        var far = await _app.ApplyAsync(pledge.Id, Levy.Application(_app) with { Postcodes = ["DE14 1AA"] });

        Assert.Equal(100, near.Match.Percentage);
        Assert.Equal(new ApplicationLocation("ST5 2LY", 53.0112, -2.2466), Assert.Single(near.Locations));
        Assert.Equal(75, far.Match.Percentage);
        Assert.DoesNotContain(MatchCriterion.Location, far.Match.Met);
    }

    [Fact]
    public async Task DemoPledges_SeedOnce_WithAnApplicationWaiting()
    {
        var demo = _app.Services.GetRequiredService<DemoPledges>();

        await demo.SeedAsync(new Progress<string>(), CancellationToken.None);
        Assert.Equal(0, await demo.SeedAsync(new Progress<string>(), CancellationToken.None));

        var store = _app.Services.GetRequiredService<LevyStore>();
        foreach (var employer in new[] { "UHNM", "MPFT" })
        {
            var seeded = Assert.Single(await store.PledgesAsync(TableFilters.Equal("EmployerCode", employer), CancellationToken.None), p => p.Value.CreatedBy == "system:seed");
            if (employer == "UHNM")
            {
                Assert.Contains(await store.ApplicationsForPledgeAsync(seeded.Value.Id, CancellationToken.None), a => a.Value.EmployerCode == "MEADOW-CARE");
            }
        }
    }

    private void Stub(string postcode, double latitude, double longitude)
    {
        bool ForThisPostcode(string? body) => body?.Contains(postcode, StringComparison.Ordinal) == true;
        _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost().WithBody(ForThisPostcode))
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(JsonSerializer.Serialize(new
            {
                status = 200,
                result = new[] { new { query = postcode, result = new { postcode, latitude, longitude, region = "West Midlands", admin_district = "Somewhere" } } },
            })));
    }
}
