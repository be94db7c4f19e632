using System.Net;
using CareersPipeline.Functions.Tests.Features.Opportunities;
using CareersPipeline.Functions.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.Site;

/// <summary>The opportunity filters: one facet goes to its pre-rendered page; anything else is searched and rendered by the function app.</summary>
[Collection(SiteGroup.Name)]
public sealed class SiteSearchTests(AzuriteFixture storage) : IAsyncLifetime
{
    private readonly WireMockServer _postcodes = WireMockServer.Start();
    private TestApp _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        FakePostcodes.Answer(_postcodes);
        _app = await SiteKit.StartAsync(storage, consumer: false, new Dictionary<string, string?> { ["POSTCODES_BASE_URL"] = _postcodes.Url });
        _http = _app.NoRedirects();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _postcodes.Stop();
    }

    [Theory]
    [InlineData("?kind=Apprenticeship", "/opportunities/kind/apprenticeship/")]
    [InlineData("?careerFamily=SocialCare&kind=", "/opportunities/family/social-care/")]
    [InlineData("?kind=&careerFamily=&postcode=&radiusMiles=", "/opportunities/")]
    public async Task OneFilter_RedirectsToItsPreRenderedPage(string query, string path)
    {
        using var response = await _http.GetAsync("/api/site/opportunities" + query);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(_app.BaseUrl + path, response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task PostcodeAndDistance_AreSearchedHere_WithTheSameListTemplate()
    {
        var near = await _app.CreateAsync(OpportunityBodies.Apprenticeship(postcode: "ST4 6QG"));

        using var response = await _http.GetAsync("/api/site/opportunities?kind=Apprenticeship&postcode=ST4+6QG&radiusMiles=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Contains(page.QuerySelectorAll(".app-result-list a"), a => a.GetAttribute("href") == $"{_app.BaseUrl}/opportunities/{near}/");
        Assert.Contains("miles away", page.QuerySelector(".app-result-list")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ST4 6QG", page.QuerySelector("#postcode")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#radiusMiles option[value='10'][selected]"));
    }

    [Fact]
    public async Task BadPostcode_IsAnErrorSummaryOnTheListPage()
    {
        using var response = await _http.GetAsync("/api/site/opportunities?postcode=NOWHERE&radiusMiles=5");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([("#postcode", "Enter a real UK postcode, like ST4 6QG.")], Html.ErrorSummary(await Html.ParseAsync(response)));
    }

    [Fact]
    public async Task DistanceWithoutAPostcode_AsksForThePostcode()
    {
        using var response = await _http.GetAsync("/api/site/opportunities?radiusMiles=5");

        Assert.Contains(Html.ErrorSummary(await Html.ParseAsync(response)), e => e.Href == "#postcode");
    }
}

/// <summary>postcodes.io answering every lookup with Royal Stoke University Hospital's postcode.</summary>
public static class FakePostcodes
{
    public static void Answer(WireMockServer server) =>
        server.Given(Request.Create().WithPath("/postcodes").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(
                """{"status":200,"result":[{"query":"ST4 6QG","result":{"postcode":"ST4 6QG","latitude":53.003,"longitude":-2.212,"admin_district":"Stoke-on-Trent","region":"West Midlands","codes":{"icb":"E54000010"}}}]}"""));
}
