using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// Accepts a sign-up from any door: validates it, checks the door's code, stores it once and queues it.
/// The applicant id is a keyed hash of (door, code, email, date of birth), so a double click or a client
/// retry lands on the same row instead of creating a duplicate.
/// </summary>
public sealed partial class SignUpService(
    SignUpValidator validator,
    ReferenceDataStore referenceData,
    ApplicantStore applicants,
    QueueSender queue,
    SignedTokens tokens,
    TimeProvider time,
    ILogger<SignUpService> logger,
    ConsentLedger? consents = null)
{
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

        var applicant = ToEntity(signUp, time.GetUtcNow());

        // The contact and marketing answers go to the Consents table first, so every accepted sign-up has its consent record.
        await (consents?.RecordSignUpAsync(applicant, cancellationToken) ?? Task.CompletedTask);
        if (await applicants.TryAddAsync(applicant, cancellationToken))
        {
            await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(applicant.PartitionKey), cancellationToken);
            LogAccepted(logger, applicant.PartitionKey, door);
            return new SignUpOutcome.Accepted(applicant.PartitionKey, ApplicantStatus.Received, Repeat: false);
        }

        var existing = await applicants.FindAsync(applicant.PartitionKey, cancellationToken)
            ?? throw new InvalidOperationException("An applicant that conflicted on insert could not be read back.");
        if (existing.StatusValue() == ApplicantStatus.Received)
        {
            // The first attempt may have stored the row and failed before queueing; queueing again is safe
            // because processing is idempotent.
            await queue.SendAsync(StorageNames.Queues.SignUps, new SignUpMessage(existing.PartitionKey), cancellationToken);
        }

        LogRepeat(logger, existing.PartitionKey, door);
        return new SignUpOutcome.Accepted(existing.PartitionKey, existing.StatusValue(), Repeat: true);
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

    private ApplicantEntity ToEntity(ValidSignUp signUp, DateTimeOffset now)
    {
        var email = signUp.Email.ToLowerInvariant();
        return new ApplicantEntity
        {
            PartitionKey = "a" + tokens.KeyedHash($"{signUp.Door}|{signUp.DoorCode}|{email}|{signUp.DateOfBirth:yyyy-MM-dd}"),
            PersonKey = tokens.KeyedHash(email, 16),
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
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-up accepted: applicant {ApplicantId} through {Door}")]
    private static partial void LogAccepted(ILogger logger, string applicantId, Door door);

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated sign-up for applicant {ApplicantId} through {Door}; returned the existing applicant")]
    private static partial void LogRepeat(ILogger logger, string applicantId, Door door);
}
