using CareersPipeline.Core.Features.Geocoding;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using CareersPipeline.Core.Tests.Features.SignUps;

namespace CareersPipeline.Core.Tests.Features.Geocoding;

public sealed class ApplicantGeocodingTests
{
    private static readonly Place Stoke = new(53.0027, -2.1794, "Stoke-on-Trent", "West Midlands", "E54000010");

    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = SignUpTestData.Clock();

    [Fact]
    public void Apply_Resolved_RecordsThePlaceAndNeedsNoRetry()
    {
        var applicant = SignUpTestData.Applicant();
        applicant.GeocodeStatus = nameof(GeocodeStatus.Pending);
        applicant.GeocodeAttempts = 2;
        applicant.NextGeocodeAttemptAt = _time.GetUtcNow().AddHours(1);

        ApplicantGeocoding.Apply(applicant, new PostcodeLookupResult(LookupOutcome.Resolved, Stoke), _time.GetUtcNow());

        Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
        Assert.Equal(3, applicant.GeocodeAttempts);
        Assert.Equal(Stoke.Latitude, applicant.Latitude);
        Assert.Equal(Stoke.Longitude, applicant.Longitude);
        Assert.Equal(Stoke.AdminDistrict, applicant.AdminDistrict);
        Assert.Equal(Stoke.Region, applicant.Region);
        Assert.Equal(Stoke.IcbCode, applicant.IcbCode);
        Assert.Null(applicant.NextGeocodeAttemptAt);
    }

    [Fact]
    public void Apply_ResolvedWithoutOptionalAreaCodes_KeepsThemNull()
    {
        var applicant = SignUpTestData.Applicant();

        ApplicantGeocoding.Apply(applicant, new PostcodeLookupResult(LookupOutcome.Resolved, new Place(52.8, -2.1, null, null, null)), _time.GetUtcNow());

        Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
        Assert.Equal(52.8, applicant.Latitude);
        Assert.Null(applicant.AdminDistrict);
        Assert.Null(applicant.IcbCode);
    }

    [Fact]
    public void Apply_NotFound_IsFinalWithoutAPlace()
    {
        var applicant = SignUpTestData.Applicant();
        applicant.NextGeocodeAttemptAt = _time.GetUtcNow();

        ApplicantGeocoding.Apply(applicant, new PostcodeLookupResult(LookupOutcome.NotFound, null), _time.GetUtcNow());

        Assert.Equal(nameof(GeocodeStatus.NotFound), applicant.GeocodeStatus);
        Assert.Equal(1, applicant.GeocodeAttempts);
        Assert.Null(applicant.NextGeocodeAttemptAt);
        Assert.Null(applicant.Latitude);
        Assert.Null(applicant.Longitude);
    }

    [Fact]
    public void Apply_Unavailable_IsPendingWithTheNextAttemptScheduledFromTheClock()
    {
        var applicant = SignUpTestData.Applicant();
        var now = _time.GetUtcNow();

        ApplicantGeocoding.Apply(applicant, new PostcodeLookupResult(LookupOutcome.Unavailable, null), now);

        Assert.Equal(nameof(GeocodeStatus.Pending), applicant.GeocodeStatus);
        Assert.Equal(1, applicant.GeocodeAttempts);
        Assert.Equal(now + GeocodeRetrySchedule.DelayAfter(1), applicant.NextGeocodeAttemptAt);
        Assert.Null(applicant.Latitude);
    }

    [Fact]
    public void Apply_UnavailableAgainLater_BacksOffFromTheLaterTime()
    {
        var applicant = SignUpTestData.Applicant();
        var unavailable = new PostcodeLookupResult(LookupOutcome.Unavailable, null);

        ApplicantGeocoding.Apply(applicant, unavailable, _time.GetUtcNow());
        var firstGap = applicant.NextGeocodeAttemptAt!.Value - _time.GetUtcNow();
        _time.SetUtcNow(applicant.NextGeocodeAttemptAt.Value);
        ApplicantGeocoding.Apply(applicant, unavailable, _time.GetUtcNow());
        var secondGap = applicant.NextGeocodeAttemptAt!.Value - _time.GetUtcNow();

        Assert.Equal(2, applicant.GeocodeAttempts);
        Assert.Equal(nameof(GeocodeStatus.Pending), applicant.GeocodeStatus);
        Assert.Equal(GeocodeRetrySchedule.DelayAfter(1), firstGap);
        Assert.Equal(GeocodeRetrySchedule.DelayAfter(2), secondGap);
        Assert.True(secondGap > firstGap);
    }

    [Fact]
    public void Apply_ResolvedAfterRetries_ClearsTheSchedule()
    {
        var applicant = SignUpTestData.Applicant();
        ApplicantGeocoding.Apply(applicant, new PostcodeLookupResult(LookupOutcome.Unavailable, null), _time.GetUtcNow());
        Assert.NotNull(applicant.NextGeocodeAttemptAt);

        _time.Advance(TimeSpan.FromMinutes(10));
        ApplicantGeocoding.Apply(applicant, new PostcodeLookupResult(LookupOutcome.Resolved, Stoke), _time.GetUtcNow());

        Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
        Assert.Null(applicant.NextGeocodeAttemptAt);
        Assert.Equal(2, applicant.GeocodeAttempts);
    }
}
