using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Geocoding;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CareersPipeline.Functions.Tests.Features.SignUps;

/// <summary>Postcodes are geocoded through postcodes.io; an outage never blocks a sign-up and is retried on its own schedule.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class GeocodingTests(AzuriteFixture storage) : IDisposable
{
    private readonly WireMockServer _postcodes = WireMockServer.Start();

    public void Dispose() => _postcodes.Stop();

    [Fact]
    public async Task KnownPostcode_IsResolvedWithoutTheUrlCarryingIt()
    {
        StubFound();
        await using var app = await StartAsync();

        var id = await app.SignUpAsync();

        var applicant = await app.WaitForApplicantAsync(id, a => a.GeocodeStatus == nameof(GeocodeStatus.Resolved), "the postcode to resolve");
        Assert.Equal(52.9945, applicant.Latitude!.Value, 3);
        Assert.Equal("E54000010", applicant.IcbCode);
        var call = Assert.Single(_postcodes.LogEntries);
        Assert.Equal("/postcodes", call.RequestMessage.Path);
        Assert.Contains("ST4 6QG", call.RequestMessage.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPostcode_IsRecordedAsNotFound()
    {
        _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"status":200,"result":[{"query":"ST4 6QG","result":null}]}"""));
        await using var app = await StartAsync();

        var id = await app.SignUpAsync();

        var applicant = await app.WaitForApplicantAsync(id, a => a.GeocodeStatus != nameof(GeocodeStatus.NotAttempted), "a lookup");
        Assert.Equal(nameof(GeocodeStatus.NotFound), applicant.GeocodeStatus);
        Assert.Equal(nameof(ApplicantStatus.Active), applicant.Status);
    }

    [Fact]
    public async Task Outage_DoesNotBlockTheSignUp_AndTheRetryTimerRecovers()
    {
        _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost()).RespondWith(Response.Create().WithStatusCode(503));
        await using var app = await StartAsync(new Dictionary<string, string?> { ["GEOCODE_RETRY_SCHEDULE"] = "*/1 * * * * *" });

        var id = await app.SignUpAsync();

        var pending = await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "processing despite the outage");
        Assert.Equal(nameof(GeocodeStatus.Pending), pending.GeocodeStatus);
        Assert.NotNull(pending.Route);
        Assert.NotNull(pending.NextGeocodeAttemptAt);
        await app.WaitForEmailAsync(id, EmailKind.Confirmation);

        // postcodes.io comes back; once the retry is due, the per-second timer picks the applicant up.
        _postcodes.Reset();
        StubFound();
        app.Time.Offset = GeocodeRetrySchedule.DelayAfter(1) + TimeSpan.FromSeconds(1);

        var resolved = await app.WaitForApplicantAsync(id, a => a.GeocodeStatus == nameof(GeocodeStatus.Resolved), "the retry to resolve the postcode");
        Assert.Equal(2, resolved.GeocodeAttempts);
        Assert.Null(resolved.NextGeocodeAttemptAt);
    }

    [Fact]
    public async Task Outage_IsNotRetriedBeforeItIsDue()
    {
        _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        await using var app = await StartAsync(new Dictionary<string, string?> { ["GEOCODE_RETRY_SCHEDULE"] = "*/1 * * * * *" });

        var id = await app.SignUpAsync();
        await app.WaitForApplicantAsync(id, a => a.GeocodeStatus == nameof(GeocodeStatus.Pending), "the outage to be recorded");
        var callsAfterFirstAttempt = _postcodes.LogEntries.Count;
        await Task.Delay(2500);

        Assert.Equal(callsAfterFirstAttempt, _postcodes.LogEntries.Count);
        Assert.Equal(1, (await app.FindApplicantAsync(id))!.GeocodeAttempts);
    }

    private void StubFound() =>
        _postcodes.Given(Request.Create().WithPath("/postcodes").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""
                {"status":200,"result":[{"query":"ST4 6QG","result":{"postcode":"ST4 6QG","latitude":52.9945,"longitude":-2.2139,
                "region":"West Midlands","admin_district":"Stoke-on-Trent","codes":{"icb":"E54000010","admin_district":"E06000021"}}}]}
                """));

    private Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["POSTCODES_BASE_URL"] = _postcodes.Url;
        return TestApp.StartAsync(storage, settings: settings);
    }
}
