using System.Net;
using System.Text.Json;
using CareersPipeline.Functions.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.Opportunities;

/// <summary>The public list's filters (kind, career family, level, distance, closing after, paging) and their errors.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class OpportunitySearchTests(AzuriteFixture storage) : IAsyncLifetime
{
    // Royal Stoke (ST4 6QG), Stafford (ST16 2DH, about 13 miles away) and Burton (DE14 1AA, about 28 miles away).
    private static readonly Dictionary<string, (double Lat, double Lon)> Places = new()
    {
        ["ST4 6QG"] = (53.0027, -2.2138),
        ["ST16 2DH"] = (52.8066, -2.1170),
        ["DE14 1AA"] = (52.8019, -1.6362),
    };

    private readonly WireMockServer _postcodes = WireMockServer.Start();
    private readonly string _family = "PsychologicalTherapies";
    private TestApp _app = null!;
    private readonly Dictionary<string, string> _ids = [];

    public async Task InitializeAsync()
    {
        foreach (var (postcode, (lat, lon)) in Places)
        {
            _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost().WithBody(b => b?.Contains(postcode, StringComparison.Ordinal) == true))
                .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(
                    $$$"""{"status":200,"result":[{"query":"{{{postcode}}}","result":{"postcode":"{{{postcode}}}","latitude":{{{lat}}},"longitude":{{{lon}}}}}]}"""));
        }

        _app = await TestApp.StartAsync(storage, settings: new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _postcodes.Url });
        await _app.SeedStaffAsync();

        // A career family no other test uses, emptied first, so only this test's opportunities show up here.
        var table = storage.Tables.GetTableClient(Core.Storage.StorageNames.Tables.Opportunities);
        await foreach (var old in table.QueryAsync<Azure.Data.Tables.TableEntity>($"CareerFamily eq '{_family}'"))
        {
            await table.DeleteEntityAsync(old.PartitionKey, old.RowKey);
        }

        _ids["stoke-l3"] = await PublishAsync(OpportunityBodies.Apprenticeship("UHNM", "ST4 6QG", 3, _family));
        _ids["stafford-l5"] = await PublishAsync(OpportunityBodies.Apprenticeship("MPFT", "ST16 2DH", 5, _family));
        _ids["burton-l2"] = await PublishAsync(OpportunityBodies.Apprenticeship("UHNM", "DE14 1AA", 2, _family));
        var vacancy = OpportunityBodies.Vacancy("UHNM", "ST16 2DH", closingInDays: 5);
        vacancy["careerFamily"] = _family;
        _ids["stafford-vacancy"] = await PublishAsync(vacancy);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _postcodes.Stop();
    }

    [Fact]
    public async Task ByKindAndLevel()
    {
        Assert.Equal(["stafford-vacancy"], await SearchAsync("kind=EntryLevelVacancy"));
        Assert.Equal(["stafford-l5"], await SearchAsync("kind=Apprenticeship&level=5"));
    }

    [Fact]
    public async Task ByDistanceFromAPostcode_NearestFirst()
    {
        Assert.Equal(["stoke-l3", "stafford-vacancy", "stafford-l5"], await SearchAsync("postcode=st46qg&radiusMiles=20"));
    }

    [Fact]
    public async Task ByDistanceFromLatLon_IncludesTheDistance()
    {
        var page = await PageAsync("lat=52.8019&lon=-1.6362&radiusMiles=5");

        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(_ids["burton-l2"], item.GetProperty("id").GetString());
        Assert.True(item.GetProperty("distanceMiles").GetDouble() < 1);
    }

    [Fact]
    public async Task ByClosingAfter()
    {
        var after = OpportunityBodies.Today().AddDays(10).ToString("yyyy-MM-dd");

        Assert.DoesNotContain("stafford-vacancy", await SearchAsync($"closingAfter={after}"));
        Assert.Equal(3, (await SearchAsync($"closingAfter={after}")).Count);
    }

    [Fact]
    public async Task Paging_CoversEveryItemOnce()
    {
        var first = await PageAsync("pageSize=3&page=1&postcode=ST4 6QG");
        var second = await PageAsync("pageSize=3&page=2&postcode=ST4 6QG");

        Assert.Equal(4, first.GetProperty("total").GetInt32());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public async Task Detail_OfALiveOpportunity_HasNoInternalHistory()
    {
        var detail = JsonDocument.Parse(await _app.Http.GetStringAsync($"/api/opportunities/{_ids["stoke-l3"]}")).RootElement;

        Assert.Equal("University Hospitals of North Midlands NHS Trust", detail.GetProperty("employerName").GetString());
        Assert.False(detail.TryGetProperty("history", out _));
    }

    [Theory]
    [InlineData("kind=Spaceship", "kind")]
    [InlineData("level=9", "level")]
    [InlineData("radiusMiles=10", "radiusMiles")]
    [InlineData("lat=52.8", "lat")]
    [InlineData("postcode=NOWHERE", "postcode")]
    [InlineData("closingAfter=tomorrow", "closingAfter")]
    [InlineData("pageSize=1000", "pageSize")]
    public async Task BadParameters_AreValidationProblems(string query, string field)
    {
        using var response = await _app.Http.GetAsync($"/api/opportunities?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<List<string>> SearchAsync(string query)
    {
        var page = await PageAsync(query);
        var names = _ids.ToDictionary(p => p.Value, p => p.Key);
        return page.GetProperty("items").EnumerateArray().Select(i => names[i.GetProperty("id").GetString()!]).ToList();
    }

    private async Task<JsonElement> PageAsync(string query)
    {
        using var response = await _app.Http.GetAsync($"/api/opportunities?careerFamily={_family}&{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private async Task<string> PublishAsync(Dictionary<string, object?> body)
    {
        var staff = (string)body["employerCode"]! == "MPFT" ? "employer-mpft" : "employer-uhnm";
        using var created = await _app.SendAsStaffAsync(staff, HttpMethod.Post, "/api/employer/opportunities", OpportunityBodies.Json(body));
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        using var published = await _app.SendAsStaffAsync(staff, HttpMethod.Post, $"/api/employer/opportunities/{id}/publish");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }
}
