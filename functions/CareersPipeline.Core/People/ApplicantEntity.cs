using Azure;
using Azure.Data.Tables;

namespace CareersPipeline.Core.People;

/// <summary>
/// One person's sign-up through one door. PartitionKey = applicant id, RowKey = "applicant".
/// Enums are stored by name and lists as comma-separated names, so the table stays readable in Storage Explorer.
/// </summary>
public sealed class ApplicantEntity : ITableEntity
{
    public const string Row = "applicant";

    public string PartitionKey { get; set; } = string.Empty;
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Door { get; set; } = string.Empty;
    public string? DoorCode { get; set; }
    public int? YearGroup { get; set; }

    /// <summary>
    /// The person this sign-up belongs to. Until the email address is verified the sign-up is its own person and this
    /// is its own applicant id; verification makes it the verified address's person key (<see cref="PersonDirectory"/>).
    /// </summary>
    public string PersonKey { get; set; } = string.Empty;

    /// <summary>Carried by every link about this sign-up; changing it revokes them all (<see cref="PersonLinks"/>).</summary>
    public string LinkStamp { get; set; } = string.Empty;

    /// <summary>Where <see cref="PersonDirectory"/> filed the submission that made this sign-up (so erasure removes it).</summary>
    public string? SubmissionKey { get; set; }

    public string FirstName { get; set; } = string.Empty;
    public string LastName { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string? Phone { get; set; }
    public string DateOfBirth { get; set; } = string.Empty;
    public string Postcode { get; set; } = string.Empty;
    public string CareerInterests { get; set; } = string.Empty;
    public string CurrentSituation { get; set; } = string.Empty;
    public string QualificationLevel { get; set; } = string.Empty;
    public string RightToWork { get; set; } = string.Empty;
    public string SupportNeeds { get; set; } = string.Empty;
    public string? SupportNeedsOther { get; set; }
    public string PreferredLanguage { get; set; } = "en";

    public bool ContactConsent { get; set; }
    public bool MarketingConsent { get; set; }
    public string ConsentWordingVersion { get; set; } = string.Empty;
    public DateTimeOffset ConsentedAt { get; set; }

    public string? GuardianEmail { get; set; }
    public DateTimeOffset? GuardianConsentedAt { get; set; }
    public DateTimeOffset? EmailVerifiedAt { get; set; }

    public string Status { get; set; } = nameof(ApplicantStatus.Received);
    public string? Route { get; set; }
    public string? RouteReason { get; set; }
    public string Stage { get; set; } = string.Empty;

    public string GeocodeStatus { get; set; } = nameof(People.GeocodeStatus.NotAttempted);
    public int GeocodeAttempts { get; set; }
    public DateTimeOffset? NextGeocodeAttemptAt { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? AdminDistrict { get; set; }
    public string? Region { get; set; }
    public string? IcbCode { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public DateTimeOffset? ConfirmationQueuedAt { get; set; }
    public DateTimeOffset? ConfirmationSentAt { get; set; }
    public DateTimeOffset? GuardianRequestQueuedAt { get; set; }
    public DateTimeOffset? GuardianRequestSentAt { get; set; }
}
