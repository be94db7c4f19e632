using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// What verifying an address does: the sign-up stops being its own person and joins the person of that address, so
/// only now do its answers count for them (consents, profile, matches). When the person already has a verified
/// sign-up through the same door (and code), the new one is a correction: its answers, and the postcode lookup and
/// route worked out from them, replace the old sign-up's, which keeps its id, its history and its place in any
/// caseload; the new sign-up then goes. Every step can run again after an interruption (the link can be used again
/// until the sign-up is verified or gone).
/// </summary>
public sealed partial class SignUpVerification(
    ApplicantStore applicants,
    PersonDirectory directory,
    ConsentLedger consents,
    IEnumerable<IPersonKeyMerge> merges,
    MatchRequests matching,
    JourneyEvents journey,
    TimeProvider time,
    ILogger<SignUpVerification> logger)
{
    /// <summary>Merges the sign-up into its address's person; returns the sign-up that now holds its answers.</summary>
    public async Task<ApplicantEntity> VerifyAsync(ApplicantEntity signUp, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var personKey = await directory.PersonKeyForAsync(signUp.Email, now, cancellationToken);
        await consents.MergeIntoPersonAsync(signUp, personKey, cancellationToken);
        foreach (var merge in merges)
        {
            await merge.MergeAsync(signUp.PartitionKey, personKey, cancellationToken);
        }

        if (await SameDoorSignUpAsync(personKey, signUp, cancellationToken) is { } earlier)
        {
            var corrected = await applicants.ChangeAsync(earlier.PartitionKey, a =>
            {
                Correct(a, signUp);
                return true;
            }, cancellationToken);
            await directory.ForgetAsync(signUp, wholePerson: false, cancellationToken);
            await consents.ForgetSignUpAsync(signUp.PartitionKey, cancellationToken);
            await applicants.DeleteAsync(signUp.PartitionKey, cancellationToken);

            // A correction is not a second sign-up: the figures count the earlier one (already verified).
            await journey.ForgetAsync(personKey, JourneyStage.SignedUp, signUp.PartitionKey, cancellationToken);
            await matching.PersonAsync(earlier.PartitionKey, cancellationToken);
            LogCorrected(logger, earlier.PartitionKey, signUp.PartitionKey);
            return corrected ?? earlier;
        }

        var verified = await applicants.ChangeAsync(signUp.PartitionKey, a =>
        {
            a.PersonKey = personKey;
            a.EmailVerifiedAt ??= now;
            return true;
        }, cancellationToken);

        // The sign-up's stage stays where it is: verifying says nothing about how far along the journey they are.
        await journey.RecordAsync(new JourneyEvent(personKey, JourneyStage.Verified, now, signUp.PartitionKey, signUp.Door, signUp.Route), [], cancellationToken);

        // Match emails wait for a verified address: strong matches found before it can be emailed now.
        await matching.PersonAsync(signUp.PartitionKey, cancellationToken);
        LogVerified(logger, signUp.PartitionKey);
        return verified ?? signUp;
    }

    // Through the address's own index (point reads), not a scan of every sign-up for the person key.
    private async Task<ApplicantEntity?> SameDoorSignUpAsync(string personKey, ApplicantEntity signUp, CancellationToken cancellationToken)
    {
        foreach (var id in await directory.SignUpsOfAsync(signUp.Email, cancellationToken))
        {
            if (id != signUp.PartitionKey && await applicants.FindAsync(id, cancellationToken) is { } other
                && other.PersonKey == personKey && other.EmailVerifiedAt is not null
                && other.Door == signUp.Door && string.Equals(other.DoorCode, signUp.DoorCode, StringComparison.OrdinalIgnoreCase))
            {
                return other;
            }
        }

        return null;
    }

    /// <summary>Everything the person answered, and what was worked out from it; not who they are to us (id, stage, history).</summary>
    private static void Correct(ApplicantEntity target, ApplicantEntity source)
    {
        target.YearGroup = source.YearGroup;
        target.FirstName = source.FirstName;
        target.LastName = source.LastName;
        target.Email = source.Email;
        target.Phone = source.Phone;
        target.DateOfBirth = source.DateOfBirth;
        target.Postcode = source.Postcode;
        target.CareerInterests = source.CareerInterests;
        target.CurrentSituation = source.CurrentSituation;
        target.QualificationLevel = source.QualificationLevel;
        target.RightToWork = source.RightToWork;
        target.SupportNeeds = source.SupportNeeds;
        target.SupportNeedsOther = source.SupportNeedsOther;
        target.PreferredLanguage = source.PreferredLanguage;
        target.ContactConsent = source.ContactConsent;
        target.MarketingConsent = source.MarketingConsent;
        target.ConsentWordingVersion = source.ConsentWordingVersion;
        target.ConsentedAt = source.ConsentedAt;
        target.Route = source.Route ?? target.Route;
        target.RouteReason = source.RouteReason ?? target.RouteReason;
        target.GeocodeStatus = source.GeocodeStatus;
        target.GeocodeAttempts = source.GeocodeAttempts;
        target.NextGeocodeAttemptAt = source.NextGeocodeAttemptAt;
        target.Latitude = source.Latitude;
        target.Longitude = source.Longitude;
        target.AdminDistrict = source.AdminDistrict;
        target.Region = source.Region;
        target.IcbCode = source.IcbCode;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email verified for applicant {ApplicantId}")]
    private static partial void LogVerified(ILogger logger, string applicantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applicant {ApplicantId} corrected by verified sign-up {CorrectionId}")]
    private static partial void LogCorrected(ILogger logger, string applicantId, string correctionId);
}
