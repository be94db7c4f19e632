using System.Text.Json;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// Accepts a sign-up from any door: validates it, checks the door's code, stores it once and queues it.
/// Every sign-up is a new record with a random id, its own person until its address is verified (see
/// docs/security.md), so the answer is the same whether or not the address is known and a sign-up with someone
/// else's address changes nothing of theirs. The same submission again within <see cref="RetryWindow"/> (a double
/// click, a client's retry) lands on the sign-up it made the first time instead of creating a second one.
/// </summary>
public sealed partial class SignUpService(
    SignUpValidator validator,
    ReferenceDataStore referenceData,
    ApplicantStore applicants,
    PersonDirectory directory,
    QueueSender queue,
    TimeProvider time,
    ILogger<SignUpService> logger,
    ConsentLedger? consents = null)
{
    public static readonly TimeSpan RetryWindow = TimeSpan.FromHours(24);

    public async Task<SignUpOutcome> SubmitAsync(Door door, SignUpRequest request, CancellationToken cancellationToken)
    {
        var validation = validator.Validate(door, request);
        if (validation.SignUp is not { } signUp)
        {
            return new SignUpOutcome.Invalid(validation.Errors);
        }

        if (await CheckCodeAsync(signUp, cancellationToken) is { } unknown)
        {
            return unknown;
        }

        var now = time.GetUtcNow();
        var submission = JsonSerializer.Serialize(signUp, JsonDefaults.Options);
        var newId = ApplicantIds.New();
        var applicantId = await directory.ClaimSubmissionAsync(submission, newId, now, RetryWindow, cancellationToken);
        var applicant = ToEntity(signUp, applicantId, PersonDirectory.SubmissionKeyOf(submission), now);
        if (applicantId != newId)
        {
            // A submission seen before: finish what the first attempt may not have (it can have failed at any step),
            // unless that sign-up has moved on, when its consents may already be its person's.
            applicant = await applicants.FindAsync(applicantId, cancellationToken) ?? applicant;
            if (applicant.StatusValue() != ApplicantStatus.Received)
            {
                LogRepeat(logger, applicantId, door);
                return new SignUpOutcome.Accepted(applicantId);
            }
        }

        // The contact and marketing answers go to the Consents table first, so every stored sign-up has its consent
        // record. They are the sign-up's own (its person key is its id) until verification merges them into the person.
        await (consents?.RecordSignUpAsync(applicant, cancellationToken) ?? Task.CompletedTask);
        await applicants.TryAddAsync(applicant, cancellationToken);
        await directory.AddSignUpAsync(applicant.Email, applicantId, now, cancellationToken);
        await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(applicantId), cancellationToken);
        if (applicantId == newId)
        {
            LogAccepted(logger, applicantId, door);
        }
        else
        {
            LogRepeat(logger, applicantId, door);
        }

        return new SignUpOutcome.Accepted(applicantId);
    }

    private async Task<SignUpOutcome?> CheckCodeAsync(ValidSignUp signUp, CancellationToken cancellationToken)
    {
        var (kind, field, noun) = signUp.Door switch
        {
            Door.School => (ReferenceKind.School, "schoolCode", "school"),
            Door.Event => (ReferenceKind.Event, "eventCode", "event"),
            Door.Programme => (ReferenceKind.Programme, "programmeCode", "programme"),
            _ => (default(ReferenceKind?), string.Empty, string.Empty),
        };
        return kind is null ? null : await referenceData.StatusOfAsync(kind.Value, signUp.DoorCode!, cancellationToken) switch
        {
            ReferenceCodeStatus.Open => null,
            ReferenceCodeStatus.Retired => new SignUpOutcome.RetiredCode(field, $"This {noun} is no longer taking sign-ups. Ask whoever gave you the code, or sign up on the careers website."),
            _ => new SignUpOutcome.UnknownCode(field, $"There is no {noun} with the code '{signUp.DoorCode}'. Check the code you were given."),
        };
    }

    private static ApplicantEntity ToEntity(ValidSignUp signUp, string applicantId, string submissionKey, DateTimeOffset now) =>
        new()
        {
            PartitionKey = applicantId,
            PersonKey = applicantId,
            LinkStamp = PersonLinks.NewStamp(),
            SubmissionKey = submissionKey,
            Door = signUp.Door.ToString(),
            DoorCode = signUp.DoorCode,
            YearGroup = signUp.YearGroup,
            FirstName = signUp.FirstName,
            LastName = signUp.LastName,
            Email = signUp.Email,
            Phone = signUp.Phone,
            DateOfBirth = signUp.DateOfBirth.ToString("yyyy-MM-dd"),
            Postcode = signUp.Postcode,
            CareerInterests = ApplicantEntityExtensions.Csv(signUp.CareerInterests),
            CurrentSituation = signUp.CurrentSituation.ToString(),
            QualificationLevel = signUp.QualificationLevel.ToString(),
            RightToWork = signUp.RightToWork.ToString(),
            SupportNeeds = ApplicantEntityExtensions.Csv(signUp.SupportNeeds),
            SupportNeedsOther = signUp.SupportNeedsOther,
            PreferredLanguage = signUp.PreferredLanguage,
            ContactConsent = signUp.ContactConsent,
            MarketingConsent = signUp.MarketingConsent,
            ConsentWordingVersion = signUp.ConsentWordingVersion,
            ConsentedAt = now,
            GuardianEmail = signUp.GuardianEmail,
            Status = nameof(ApplicantStatus.Received),
            Stage = nameof(JourneyStage.SignedUp),
            CreatedAt = now,
        };

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up accepted: applicant {ApplicantId} through {Door}")]
    private static partial void LogAccepted(ILogger logger, string applicantId, Door door);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated submission for applicant {ApplicantId} through {Door}; returned the sign-up it made")]
    private static partial void LogRepeat(ILogger logger, string applicantId, Door door);
}
