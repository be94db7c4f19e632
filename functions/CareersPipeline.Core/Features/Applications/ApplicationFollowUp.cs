using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Staff;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// The applications queue: what follows an event, outside the request that made it. The person's list, the journey
/// stage and its dated event, the email, and closing the vacancy as Filled once accepted offers reach its positions.
/// Each step can run again: the event row is marked handled only when all are done, and each is idempotent.
/// </summary>
public sealed partial class ApplicationFollowUp(
    ApplicationStore store,
    ApplicantStore applicants,
    PersonResolver people,
    JourneyEvents journey,
    ApplicationEmails emails,
    Mailer mailer,
    OpportunityStore opportunityStore,
    OpportunityService opportunities,
    ILogger<ApplicationFollowUp> logger)
{
    /// <summary>Who closes a vacancy that filled: the service itself, acting for every employer.</summary>
    public static readonly StaffPrincipal Filling = new("system:applications", "Applications", new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>());

    public async Task HandleAsync(ApplicationMessage message, CancellationToken cancellationToken)
    {
        var current = await store.FindAsync(message.ApplicationId, cancellationToken);
        var found = current is null ? null : await store.FindEventAsync(message.ApplicationId, message.Sequence, cancellationToken);
        if (current is null || found is not { } recorded)
        {
            // Erased, or never written: nothing follows.
            LogMissing(logger, message.ApplicationId, message.Sequence);
            return;
        }

        if (recorded.Handled)
        {
            return;
        }

        var application = current.Value;
        var change = recorded.Event.Change;
        if (change is ApplicationChange.Submitted or ApplicationChange.AppliedElsewhere)
        {
            await store.IndexAsync(application, cancellationToken);
        }

        if (StageAfter(change) is { } stage)
        {
            await RecordJourneyAsync(application, stage, recorded.Event.At, cancellationToken);
        }

        if (change is ApplicationChange.OfferAccepted or ApplicationChange.Started)
        {
            await CloseIfFilledAsync(application.OpportunityId, cancellationToken);
        }

        await EmailAsync(application, recorded.Event, cancellationToken);
        await store.MarkHandledAsync(application.Id, recorded.Event.Sequence, cancellationToken);
    }

    private static JourneyStage? StageAfter(ApplicationChange change) => change switch
    {
        ApplicationChange.Submitted or ApplicationChange.AppliedElsewhere => JourneyStage.Applied,
        ApplicationChange.Invited => JourneyStage.Interviewed,
        ApplicationChange.Offered => JourneyStage.Offered,
        ApplicationChange.Started => JourneyStage.InWork,
        _ => null,
    };

    private async Task RecordJourneyAsync(JobApplication application, JourneyStage stage, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var applicant = await applicants.FindAsync(application.ApplicantId, cancellationToken);
        var person = applicant is null ? null : await people.ResolvePersonAsync(applicant, cancellationToken);
        await journey.RecordAsync(new JourneyEvent(application.PersonKey, stage, at, application.Id, applicant?.Door, applicant?.Route), person?.ApplicantIds ?? [], cancellationToken);
    }

    private async Task EmailAsync(JobApplication application, ApplicationEvent recorded, CancellationToken cancellationToken)
    {
        if (application.AppliedElsewhere || await applicants.FindAsync(application.ApplicantId, cancellationToken) is not { } applicant)
        {
            return;
        }

        // The email describes the application as it is now; a later event (a second invitation) sends its own.
        if (emails.For(recorded.Change, application, applicant) is not { } email || !await mailer.MayEmailAsync(applicant, email.Kind, cancellationToken))
        {
            return;
        }

        await mailer.SendAsync(email, cancellationToken);
        LogEmailed(logger, application.Id, email.Kind);
    }

    /// <summary>Closes the opportunity as Filled through its own service (so the site and matching hear of it) once accepted offers reach its positions.</summary>
    private async Task CloseIfFilledAsync(string opportunityId, CancellationToken cancellationToken)
    {
        if (await opportunityStore.FindAsync(opportunityId, cancellationToken) is not { } opportunity || opportunity.Value.Status != OpportunityStatus.Live)
        {
            return;
        }

        var placed = (await store.ListAsync(opportunityId, cancellationToken)).Count(a => ApplicationLifecycle.HoldsPlace(a.Value.Status));
        if (placed < opportunity.Value.Positions)
        {
            return;
        }

        var closed = await opportunities.CloseAsync(Filling, opportunityId, ClosureReason.Filled, "Every position has an accepted offer.", opportunity.ETag, cancellationToken);
        if (closed is not Result<Storage.Versioned<Opportunity>>.Ok)
        {
            // Changed meanwhile (an employer edited it): the message is retried and looks again.
            throw new InvalidOperationException($"Opportunity {opportunityId} could not be closed as filled now.");
        }

        LogFilled(logger, opportunityId, placed);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Application {ApplicationId}: {Kind} handed over")]
    private static partial void LogEmailed(ILogger logger, string applicationId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Opportunity {OpportunityId} closed as filled ({Placed} accepted)")]
    private static partial void LogFilled(ILogger logger, string opportunityId, int placed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Application {ApplicationId} event {Sequence} not found; nothing follows")]
    private static partial void LogMissing(ILogger logger, string applicationId, int sequence);
}
