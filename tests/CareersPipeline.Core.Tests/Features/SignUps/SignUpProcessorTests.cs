using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Geocoding;
using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using Microsoft.Extensions.Time.Testing;

namespace CareersPipeline.Core.Tests.Features.SignUps;

public sealed class SignUpProcessorTests
{
    private static readonly PostcodeLookupResult Resolved = new(LookupOutcome.Resolved, new Place(53.0027, -2.1794, "Stoke-on-Trent", "West Midlands", "E54000010"));
    private static readonly PostcodeLookupResult Unavailable = new(LookupOutcome.Unavailable, null);

    private readonly FakeTimeProvider _time = SignUpTestData.Clock();

    [Fact]
    public void Advance_ReceivedAdult_BecomesActiveOnTheirRouteWithAConfirmationEmail()
    {
        var applicant = SignUpTestData.Applicant();
        var now = _time.GetUtcNow();
        var expected = JourneyRouter.Assign(Door.Website, CurrentSituation.Unemployed, RightToWork.Yes, []);

        var email = SignUpProcessor.Advance(applicant, null, now);

        Assert.Equal(EmailKind.Confirmation, email);
        Assert.Equal(nameof(ApplicantStatus.Active), applicant.Status);
        Assert.Equal(expected.Route.ToString(), applicant.Route);
        Assert.Equal(expected.Reason, applicant.RouteReason);
        Assert.Equal(nameof(JourneyStage.Registered), applicant.Stage);
        Assert.Equal(now, applicant.ProcessedAt);
        Assert.Equal(now, applicant.ConfirmationQueuedAt);
        Assert.Null(applicant.GuardianRequestQueuedAt);
    }

    [Fact]
    public void Advance_StoredSupportNeedsAndAnswers_AreWhatTheRouteIsBasedOn()
    {
        var applicant = SignUpTestData.Applicant();
        applicant.Door = nameof(Door.School);
        applicant.CurrentSituation = nameof(CurrentSituation.InEducation);
        applicant.SupportNeeds = "Other,EnglishLanguage";
        var expected = JourneyRouter.Assign(Door.School, CurrentSituation.InEducation, RightToWork.Yes, [SupportNeed.Other, SupportNeed.EnglishLanguage]);

        SignUpProcessor.Advance(applicant, null, _time.GetUtcNow());

        Assert.Equal(JourneyRoute.SeldomHeardSupported, expected.Route);
        Assert.Equal(expected.Route.ToString(), applicant.Route);
        Assert.Equal(expected.Reason, applicant.RouteReason);
    }

    [Theory]
    [InlineData(nameof(Door.School), nameof(CurrentSituation.Other), nameof(RightToWork.Yes), JourneyRoute.InEducation)]
    [InlineData(nameof(Door.Event), nameof(CurrentSituation.EmployedElsewhere), nameof(RightToWork.Yes), JourneyRoute.CareerChangerOrUnemployed)]
    [InlineData(nameof(Door.Programme), nameof(CurrentSituation.InEducation), nameof(RightToWork.AwaitingDecision), JourneyRoute.SeldomHeardSupported)]
    public void Advance_StoredDoorSituationAndRightToWork_GiveTheExpectedRoute(string door, string situation, string rightToWork, JourneyRoute route)
    {
        var applicant = SignUpTestData.Applicant();
        applicant.Door = door;
        applicant.CurrentSituation = situation;
        applicant.RightToWork = rightToWork;

        SignUpProcessor.Advance(applicant, null, _time.GetUtcNow());

        Assert.Equal(route.ToString(), applicant.Route);
    }

    [Fact]
    public void Advance_Under16WithoutGuardianConsent_WaitsForTheGuardianAndAsksThem()
    {
        var applicant = SignUpTestData.Under16Applicant();
        var now = _time.GetUtcNow();

        var email = SignUpProcessor.Advance(applicant, Resolved, now);

        Assert.Equal(EmailKind.GuardianConsentRequest, email);
        Assert.Equal(nameof(ApplicantStatus.AwaitingGuardianConsent), applicant.Status);
        Assert.Equal(now, applicant.GuardianRequestQueuedAt);
        Assert.Null(applicant.Route);
        Assert.Null(applicant.ProcessedAt);
        Assert.Null(applicant.ConfirmationQueuedAt);
        Assert.Equal("SignedUp", applicant.Stage);

        // Nothing is done with the child's details, the postcode included, until the guardian agrees.
        Assert.Equal(nameof(GeocodeStatus.NotAttempted), applicant.GeocodeStatus);
        Assert.Equal(0, applicant.GeocodeAttempts);
        Assert.Null(applicant.Latitude);
    }

    [Fact]
    public void Advance_Under16WithGuardianConsent_BecomesActive()
    {
        var applicant = SignUpTestData.Under16Applicant();
        applicant.GuardianConsentedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(3));

        var email = SignUpProcessor.Advance(applicant, Resolved, _time.GetUtcNow());

        Assert.Equal(EmailKind.Confirmation, email);
        Assert.Equal(nameof(ApplicantStatus.Active), applicant.Status);
        Assert.Equal(nameof(JourneyRoute.InEducation), applicant.Route);
        Assert.Equal(_time.GetUtcNow(), applicant.ProcessedAt);
        Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
    }

    [Fact]
    public void Advance_GuardianFlowEndToEnd_AsksOnceThenConfirmsAfterConsent()
    {
        var applicant = SignUpTestData.Under16Applicant();

        Assert.Equal(EmailKind.GuardianConsentRequest, SignUpProcessor.Advance(applicant, null, _time.GetUtcNow()));
        Assert.Null(SignUpProcessor.Advance(applicant, null, _time.GetUtcNow()));

        // What SignUpLinks.GiveGuardianConsentAsync does when the guardian clicks the link.
        _time.Advance(TimeSpan.FromDays(2));
        applicant.GuardianConsentedAt = _time.GetUtcNow();
        applicant.Status = nameof(ApplicantStatus.Received);

        Assert.Equal(EmailKind.Confirmation, SignUpProcessor.Advance(applicant, null, _time.GetUtcNow()));
        Assert.Equal(nameof(ApplicantStatus.Active), applicant.Status);
    }

    [Theory]
    [InlineData(nameof(ApplicantStatus.Active))]
    [InlineData(nameof(ApplicantStatus.AwaitingGuardianConsent))]
    public void Advance_NotReceived_DoesNothing(string status)
    {
        var applicant = SignUpTestData.Applicant();
        applicant.Status = status;
        applicant.Route = nameof(JourneyRoute.CareerChangerOrUnemployed);
        applicant.Stage = nameof(JourneyStage.Engaged);

        var email = SignUpProcessor.Advance(applicant, Resolved, _time.GetUtcNow());

        Assert.Null(email);
        Assert.Equal(status, applicant.Status);
        Assert.Equal(nameof(JourneyStage.Engaged), applicant.Stage);
        Assert.Null(applicant.ProcessedAt);
        Assert.Null(applicant.ConfirmationQueuedAt);
        Assert.Equal(nameof(GeocodeStatus.NotAttempted), applicant.GeocodeStatus);
        Assert.Equal(0, applicant.GeocodeAttempts);
    }

    [Fact]
    public void Advance_Twice_IsIdempotent()
    {
        var applicant = SignUpTestData.Applicant();
        var first = _time.GetUtcNow();
        Assert.Equal(EmailKind.Confirmation, SignUpProcessor.Advance(applicant, Resolved, first));
        var route = applicant.Route;

        _time.Advance(TimeSpan.FromHours(1));
        var again = SignUpProcessor.Advance(applicant, Unavailable, _time.GetUtcNow());

        Assert.Null(again);
        Assert.Equal(route, applicant.Route);
        Assert.Equal(first, applicant.ProcessedAt);
        Assert.Equal(first, applicant.ConfirmationQueuedAt);
        Assert.Equal(1, applicant.GeocodeAttempts);
        Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
    }

    [Fact]
    public void Advance_WithLookupWhenNotAttempted_AppliesIt()
    {
        var applicant = SignUpTestData.Applicant();

        SignUpProcessor.Advance(applicant, Resolved, _time.GetUtcNow());

        Assert.Equal(nameof(GeocodeStatus.Resolved), applicant.GeocodeStatus);
        Assert.Equal(1, applicant.GeocodeAttempts);
        Assert.Equal(Resolved.Place!.Latitude, applicant.Latitude);
        Assert.Equal(Resolved.Place.IcbCode, applicant.IcbCode);
    }

    [Fact]
    public void Advance_WithUnavailableLookup_StillActivatesAndSchedulesARetry()
    {
        var applicant = SignUpTestData.Applicant();
        var now = _time.GetUtcNow();

        var email = SignUpProcessor.Advance(applicant, Unavailable, now);

        Assert.Equal(EmailKind.Confirmation, email);
        Assert.Equal(nameof(ApplicantStatus.Active), applicant.Status);
        Assert.Equal(nameof(GeocodeStatus.Pending), applicant.GeocodeStatus);
        Assert.Equal(now + GeocodeRetrySchedule.DelayAfter(1), applicant.NextGeocodeAttemptAt);
    }

    [Fact]
    public void Advance_WithoutLookup_LeavesGeocodingNotAttempted()
    {
        var applicant = SignUpTestData.Applicant();

        SignUpProcessor.Advance(applicant, null, _time.GetUtcNow());

        Assert.Equal(nameof(ApplicantStatus.Active), applicant.Status);
        Assert.Equal(nameof(GeocodeStatus.NotAttempted), applicant.GeocodeStatus);
        Assert.Equal(0, applicant.GeocodeAttempts);
    }

    [Theory]
    [InlineData(nameof(GeocodeStatus.Pending))]
    [InlineData(nameof(GeocodeStatus.Resolved))]
    [InlineData(nameof(GeocodeStatus.NotFound))]
    public void Advance_WithLookupWhenAlreadyAttempted_IgnoresIt(string geocodeStatus)
    {
        var applicant = SignUpTestData.Applicant();
        applicant.GeocodeStatus = geocodeStatus;
        applicant.GeocodeAttempts = 1;

        var email = SignUpProcessor.Advance(applicant, Resolved, _time.GetUtcNow());

        Assert.Equal(EmailKind.Confirmation, email);
        Assert.Equal(geocodeStatus, applicant.GeocodeStatus);
        Assert.Equal(1, applicant.GeocodeAttempts);
        Assert.Null(applicant.Latitude);
    }
}
