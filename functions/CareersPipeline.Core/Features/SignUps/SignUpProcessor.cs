using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Geocoding;
using CareersPipeline.Core.Features.Journeys;
using CareersPipeline.Core.Messages;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// Sign-up queue handler. Idempotent: a message delivered twice, or for an applicant already processed,
/// changes nothing and queues no second email.
/// </summary>
public sealed partial class SignUpProcessor(
    ApplicantStore applicants,
    PostcodeLookup postcodes,
    QueueSender queue,
    MatchRequests matching,
    JourneyEvents journey,
    TimeProvider time,
    ILogger<SignUpProcessor> logger)
{
    public async Task HandleAsync(SignUpMessage message, CancellationToken cancellationToken)
    {
        var current = await applicants.FindAsync(message.ApplicantId, cancellationToken);
        if (current is null)
        {
            LogMissing(logger, message.ApplicantId);
            return;
        }

        // Look the postcode up outside the read-change-write loop: it is the slow part, and must not be repeated on a conflict.
        PostcodeLookupResult? lookup = null;
        if (current.StatusValue() == ApplicantStatus.Received
            && !NeedsGuardianConsent(current)
            && current.GeocodeStatus == nameof(GeocodeStatus.NotAttempted))
        {
            lookup = await postcodes.LookupAsync(current.Postcode, cancellationToken);
        }

        EmailKind? email = null;
        var applicant = await applicants.ChangeAsync(message.ApplicantId, a =>
        {
            email = Advance(a, lookup, time.GetUtcNow());
            return email is not null;
        }, cancellationToken);

        if (email is { } kind && applicant is not null)
        {
            if (kind == EmailKind.Confirmation)
            {
                // Dated the day they signed up, recorded now that the route is known; before the email, so the address
                // cannot be verified (the Verified event) before the sign-up is on record.
                await journey.RecordAsync(new JourneyEvent(applicant.PersonKey, JourneyStage.SignedUp, applicant.CreatedAt, applicant.PartitionKey, applicant.Door, applicant.Route), [], cancellationToken);
            }

            await queue.SendAsync(StorageNames.Queues.Emails, new EmailMessage(applicant.PartitionKey, kind), cancellationToken);
            if (kind == EmailKind.Confirmation)
            {
                await matching.PersonAsync(applicant.PartitionKey, cancellationToken);
            }

            LogProcessed(logger, applicant.PartitionKey, applicant.Status, applicant.Route);
        }
    }

    /// <summary>Moves the applicant on one step; returns the email to queue, or null when there was nothing to do.</summary>
    internal static EmailKind? Advance(ApplicantEntity applicant, PostcodeLookupResult? lookup, DateTimeOffset now)
    {
        if (applicant.StatusValue() != ApplicantStatus.Received)
        {
            return null;
        }

        if (NeedsGuardianConsent(applicant))
        {
            applicant.Status = nameof(ApplicantStatus.AwaitingGuardianConsent);
            applicant.GuardianRequestQueuedAt = now;
            return EmailKind.GuardianConsentRequest;
        }

        if (lookup is not null && applicant.GeocodeStatus == nameof(GeocodeStatus.NotAttempted))
        {
            ApplicantGeocoding.Apply(applicant, lookup, now);
        }

        var decision = JourneyRouter.Assign(
            applicant.DoorValue(),
            Enum.Parse<CurrentSituation>(applicant.CurrentSituation),
            Enum.Parse<RightToWork>(applicant.RightToWork),
            ApplicantEntityExtensions.Names<SupportNeed>(applicant.SupportNeeds));
        applicant.Route = decision.Route.ToString();
        applicant.RouteReason = decision.Reason;
        applicant.Stage = nameof(JourneyStage.Registered);
        applicant.Status = nameof(ApplicantStatus.Active);
        applicant.ProcessedAt = now;
        applicant.ConfirmationQueuedAt = now;
        return EmailKind.Confirmation;
    }

    private static bool NeedsGuardianConsent(ApplicantEntity applicant) =>
        applicant.GuardianEmail is not null && applicant.GuardianConsentedAt is null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applicant {ApplicantId} processed: {Status}, route {Route}")]
    private static partial void LogProcessed(ILogger logger, string applicantId, string status, string? route);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-up message for unknown applicant {ApplicantId} dropped")]
    private static partial void LogMissing(ILogger logger, string applicantId);
}
