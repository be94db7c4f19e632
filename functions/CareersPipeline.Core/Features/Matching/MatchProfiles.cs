using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// Builds a person's matching profile from their latest active sign-up (a person signs up once per door; the newest
/// answers are the truest) and the preferences on their match record.
/// </summary>
public sealed class MatchProfiles(PersonResolver resolver)
{
    /// <summary>The person the applicant belongs to, with the sign-up to match from; null when they have no active sign-up.</summary>
    public async Task<PersonToMatch?> ResolveAsync(string applicantId, CancellationToken cancellationToken) =>
        await resolver.ResolveAsync(applicantId, cancellationToken) is { } person && LatestActive(person.Applicants) is { } latest
            ? new PersonToMatch(PersonKeyOf(latest), latest)
            : null;

    public static ApplicantEntity? LatestActive(IEnumerable<ApplicantEntity> signUps) =>
        signUps.Where(a => a.Status == nameof(ApplicantStatus.Active) && a.Route is not null).MaxBy(a => a.CreatedAt);

    /// <summary>The key a person's matching rows are filed under: their PersonKey, or the applicant id for a sign-up that has none.</summary>
    public static string PersonKeyOf(ApplicantEntity applicant) => string.IsNullOrEmpty(applicant.PersonKey) ? applicant.PartitionKey : applicant.PersonKey;

    public static MatchProfile From(ApplicantEntity applicant, MatchRecordEntity? record)
    {
        var route = Enum.Parse<JourneyRoute>(applicant.Route!);
        return new MatchProfile(
            PersonKeyOf(applicant),
            applicant.PartitionKey,
            route,
            applicant.DateOfBirthValue(),
            Enum.Parse<RightToWork>(applicant.RightToWork),
            Enum.Parse<QualificationLevel>(applicant.QualificationLevel),
            ApplicantEntityExtensions.Names<CareerFamily>(applicant.CareerInterests).ToHashSet(),
            applicant is { GeocodeStatus: nameof(GeocodeStatus.Resolved), Latitude: { } lat, Longitude: { } lon } ? new GeoPoint(lat, lon) : null,
            record?.TravelMiles ?? TravelDistances.DefaultFor(route),
            record?.DrivingLicence);
    }
}

/// <summary>A person to match: their key and the sign-up their profile comes from.</summary>
public sealed record PersonToMatch(string PersonKey, ApplicantEntity Applicant);
