using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>What the status URL shows: progress only, no personal data, since anyone holding the id can read it.</summary>
public sealed record SignUpStatusView(
    string ApplicantId,
    Door Door,
    ApplicantStatus Status,
    string Stage,
    string? Route,
    bool EmailVerified,
    bool AwaitingGuardianConsent,
    DateTimeOffset ReceivedAt)
{
    public static SignUpStatusView From(ApplicantEntity applicant) => new(
        applicant.PartitionKey,
        applicant.DoorValue(),
        applicant.StatusValue(),
        applicant.Stage,
        applicant.Route,
        applicant.EmailVerifiedAt is not null,
        applicant.StatusValue() == ApplicantStatus.AwaitingGuardianConsent,
        applicant.CreatedAt);
}
