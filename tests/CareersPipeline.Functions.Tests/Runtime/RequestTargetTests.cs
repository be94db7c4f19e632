using System.Net;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Runtime;

/// <summary>A request target too long for us is refused as problem details, not by the server with an empty answer.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class RequestTargetTests(AzuriteFixture storage)
{
    [Theory]
    [InlineData(RequestTargetLimit.MaxTargetLength + 1)]
    [InlineData(100_000)]
    public async Task AnIdTooLongForAnyRecord_Gets414ProblemDetails(int length)
    {
        await using var app = await TestApp.StartAsync(storage);

        using var response = await app.Http.GetAsync("/api/signups/" + new string('a', length));

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Address too long", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongButReasonableLink_StillReachesItsFunction()
    {
        await using var app = await TestApp.StartAsync(storage);

        using var response = await app.Http.GetAsync("/api/privacy/manage?token=" + new string('x', 2000));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode); // the link's own answer: not a valid token
    }
}
