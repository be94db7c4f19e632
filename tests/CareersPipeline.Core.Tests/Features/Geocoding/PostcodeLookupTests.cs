using System.Net;
using CareersPipeline.Core.Places;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CareersPipeline.Core.Tests.Features.Geocoding;

public sealed class PostcodeLookupTests
{
    [Fact]
    public async Task Lookup_OutageWithFallbackOn_PlacesADemoPostcode()
    {
        var lookup = CreateSut(offlineFallback: true);

        var result = await lookup.LookupAsync("ST4 6QG", CancellationToken.None);

        Assert.Equal(LookupOutcome.Resolved, result.Outcome);
        Assert.Equal(DemoAreaPostcodes.Find("ST4 6QG"), result.Place);
    }

    [Fact]
    public async Task Lookup_OutageWithFallbackOn_LeavesOtherPostcodesUnavailable()
    {
        var lookup = CreateSut(offlineFallback: true);

        var result = await lookup.LookupAsync("SW1A 1AA", CancellationToken.None);

        Assert.Equal(LookupOutcome.Unavailable, result.Outcome);
    }

    [Fact]
    public async Task Lookup_OutageWithFallbackOff_IsUnavailableEvenForADemoPostcode()
    {
        var lookup = CreateSut(offlineFallback: false);

        var result = await lookup.LookupAsync("ST4 6QG", CancellationToken.None);

        Assert.Equal(LookupOutcome.Unavailable, result.Outcome);
        Assert.Null(result.Place);
    }

    [Fact]
    public void DemoPostcodes_AreAllInTheirNormalFormAndInEngland()
    {
        foreach (var postcode in DemoAreaPostcodes.All)
        {
            Assert.Equal(CareersPipeline.Core.UkFormats.NormalisePostcode(postcode), postcode);
            var place = DemoAreaPostcodes.Find(postcode)!;
            Assert.InRange(place.Latitude, 50.0, 55.8);
            Assert.InRange(place.Longitude, -5.7, 1.8);
        }
    }

    private static PostcodeLookup CreateSut(bool offlineFallback)
    {
        var api = new Mock<IPostcodesApi>();
        api.Setup(a => a.LookupAsync(It.IsAny<BulkPostcodeRequest>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("connection refused", null, HttpStatusCode.ServiceUnavailable));
        return new PostcodeLookup(api.Object, Options.Create(new GeocodingOptions { OfflineFallback = offlineFallback }), NullLogger<PostcodeLookup>.Instance);
    }
}
