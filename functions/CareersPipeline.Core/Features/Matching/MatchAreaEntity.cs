using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// A person's matching profile filed under the area they live in (PartitionKey = area key, RowKey = PersonKey), so
/// that when an opportunity opens or changes, the people who could be affected are read a few partitions at a time.
/// <see cref="ResultHash"/> repeats the person's record's, so an unchanged result needs no other read.
/// </summary>
public sealed class MatchAreaEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = string.Empty;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string ApplicantId { get; set; } = string.Empty;
    public string Route { get; set; } = string.Empty;
    public string DateOfBirth { get; set; } = string.Empty;
    public string RightToWork { get; set; } = string.Empty;
    public string Qualification { get; set; } = string.Empty;
    public string Interests { get; set; } = string.Empty;
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int TravelMiles { get; set; }
    public bool? DrivingLicence { get; set; }
    public string ResultHash { get; set; } = string.Empty;

    public static MatchAreaEntity From(string areaKey, MatchProfile profile, string resultHash) => new()
    {
        PartitionKey = areaKey,
        RowKey = profile.PersonKey,
        ApplicantId = profile.ApplicantId,
        Route = profile.Route.ToString(),
        DateOfBirth = profile.DateOfBirth.ToString("yyyy-MM-dd"),
        RightToWork = profile.RightToWork.ToString(),
        Qualification = profile.Qualification.ToString(),
        Interests = ApplicantEntityExtensions.Csv(profile.Interests.Order()),
        Latitude = profile.Location!.Value.Latitude,
        Longitude = profile.Location!.Value.Longitude,
        TravelMiles = profile.TravelMiles,
        DrivingLicence = profile.DrivingLicence,
        ResultHash = resultHash,
    };

    public MatchProfile ToProfile() => new(
        RowKey,
        ApplicantId,
        Enum.Parse<JourneyRoute>(Route),
        DateOnly.ParseExact(DateOfBirth, "yyyy-MM-dd"),
        Enum.Parse<RightToWork>(RightToWork),
        Enum.Parse<QualificationLevel>(Qualification),
        ApplicantEntityExtensions.Names<CareerFamily>(Interests).ToHashSet(),
        new GeoPoint(Latitude, Longitude),
        TravelMiles,
        DrivingLicence);
}
