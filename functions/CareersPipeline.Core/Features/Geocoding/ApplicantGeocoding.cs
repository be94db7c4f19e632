using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Core.Features.Geocoding;

/// <summary>Records a lookup result on an applicant, scheduling the next attempt when the service was unavailable.</summary>
public static class ApplicantGeocoding
{
    public static void Apply(ApplicantEntity applicant, PostcodeLookupResult result, DateTimeOffset now)
    {
        applicant.GeocodeAttempts++;
        switch (result.Outcome)
        {
            case LookupOutcome.Resolved:
                var place = result.Place!;
                applicant.GeocodeStatus = nameof(GeocodeStatus.Resolved);
                applicant.Latitude = place.Latitude;
                applicant.Longitude = place.Longitude;
                applicant.AdminDistrict = place.AdminDistrict;
                applicant.Region = place.Region;
                applicant.IcbCode = place.IcbCode;
                applicant.NextGeocodeAttemptAt = null;
                break;
            case LookupOutcome.NotFound:
                applicant.GeocodeStatus = nameof(GeocodeStatus.NotFound);
                applicant.NextGeocodeAttemptAt = null;
                break;
            default:
                applicant.GeocodeStatus = nameof(GeocodeStatus.Pending);
                applicant.NextGeocodeAttemptAt = now + GeocodeRetrySchedule.DelayAfter(applicant.GeocodeAttempts);
                break;
        }
    }
}
