using System.Globalization;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// The apprenticeship places an accepted application pays for: one live opportunity of kind
/// <see cref="OpportunityKind.LevyFundedPlace"/> at the receiving employer, with a position per apprentice. Its id is
/// derived from the application's, so creating it again finds the first.
/// </summary>
public sealed partial class FundedPlaces(OpportunityStore opportunities, OpportunityChanges opportunityChanges, TimeProvider time, ILogger<FundedPlaces> logger)
{
    /// <summary>How long a place is advertised at least, when the apprenticeship starts sooner.</summary>
    public static readonly TimeSpan MinimumAdvertising = TimeSpan.FromDays(28);

    /// <summary>Creates and announces the place unless it exists; true when this call created it.</summary>
    public async Task<bool> EnsureCreatedAsync(PledgeApplication application, string by, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var place = Build(application, DateOnly.FromDateTime(now.UtcDateTime), by, now);
        if (!await opportunities.TryAddAsync(place, cancellationToken))
        {
            return false;
        }

        await opportunityChanges.ChangedAsync(place, "published", cancellationToken);
        LogCreated(logger, place.Id, application.Id);
        return true;
    }

    /// <summary>Closes the place if it is still live: the funding ended, or the apprentices started.</summary>
    public async Task<bool> CloseAsync(PledgeApplication application, ClosureReason reason, string note, string by, CancellationToken cancellationToken)
    {
        Opportunity? closed;
        try
        {
            closed = await ETagRetry.RunAsync(async (_, ct) =>
            {
                var current = await opportunities.FindAsync(LevyIds.PlaceFor(application.Id), ct);
                if (current is null || current.Value.Status != OpportunityStatus.Live)
                {
                    return ETagAttempt.Done<Opportunity?>(null);
                }

                var result = OpportunityLifecycle.Close(current.Value, reason, note, by, time.GetUtcNow());
                return result.Opportunity is not { } after ? ETagAttempt.Done<Opportunity?>(null)
                    : await opportunities.TryReplaceAsync(after, current.ETag, ct) ? ETagAttempt.Done<Opportunity?>(after)
                    : ETagAttempt.Lost<Opportunity?>();
            }, cancellationToken);
        }
        catch (ETagConflictException)
        {
            // The move that asked for this is already written; the daily job closes the place if it is still live.
            return false;
        }

        if (closed is null)
        {
            return false;
        }

        await opportunityChanges.ChangedAsync(closed, "closed", cancellationToken);
        LogClosed(logger, closed.Id, application.Id);
        return true;
    }

    public static Opportunity Build(PledgeApplication application, DateOnly today, string by, DateTimeOffset now)
    {
        var standard = application.Standard;
        var earliestClose = today.AddDays((int)MinimumAdvertising.TotalDays);
        var closing = application.StartDate > earliestClose ? application.StartDate : earliestClose;
        var places = application.NumberOfApprentices == 1 ? "1 place" : $"{application.NumberOfApprentices} places";
        return new Opportunity
        {
            Id = LevyIds.PlaceFor(application.Id),
            Kind = OpportunityKind.LevyFundedPlace,
            Status = OpportunityStatus.Live,
            EmployerCode = application.EmployerCode,
            EmployerName = application.EmployerName,
            Title = $"{standard.Title} apprenticeship",
            Summary = $"A level {standard.Level} {standard.Title} apprenticeship at {application.EmployerName} ({places}), with its training paid for by a levy transfer.",
            Description = $"A {standard.DurationMonths}-month apprenticeship on the {standard.Title} standard (level {standard.Level}, LARS code {standard.LarsCode}), "
                + $"starting from {closing.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. A larger health and care employer pays for the training through the apprenticeship levy transfer service.",
            CareerFamily = standard.CareerFamily,
            Positions = application.NumberOfApprentices,
            Locations = application.Locations.Select(l => new OpportunityLocation(l.Postcode, l.Latitude, l.Longitude)).ToList(),
            Wage = new Wage(WageType.ApprenticeshipMinimum),
            HoursPerWeek = 30,
            StartDate = closing,
            ClosingDate = closing,
            HowToApply = new HowToApply(ThroughService: true),
            Apprenticeship = new ApprenticeshipDetails(standard.Title, standard.LarsCode, standard.Level, standard.Route, standard.DurationMonths, application.TrainingProvider ?? "To be confirmed"),
            LevyFunding = new LevyFunding(application.PledgeId, application.Id),
            History = [new StatusChange(OpportunityStatus.Draft, OpportunityStatus.Live, now, by)],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy-funded place {OpportunityId} created for application {ApplicationId}")]
    private static partial void LogCreated(ILogger logger, string opportunityId, string applicationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Levy-funded place {OpportunityId} closed for application {ApplicationId}")]
    private static partial void LogClosed(ILogger logger, string opportunityId, string applicationId);
}
