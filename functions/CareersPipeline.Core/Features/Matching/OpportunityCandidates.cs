using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>Live opportunities as match candidates.</summary>
public sealed class OpportunityCandidates(OpportunityStore store) : ICandidateSource
{
    /// <summary>
    /// The youngest anyone can be for a job or an apprenticeship when none is given: in England people may leave school
    /// and work full time, or start an apprenticeship, from 16.
    /// </summary>
    public const int DefaultMinimumAge = 16;

    public bool Owns(string candidateId) => OpportunityIds.IsWellFormed(candidateId);

    public async Task<IReadOnlyList<MatchCandidate>> ListOpenAsync(CancellationToken cancellationToken) =>
        [.. (await store.QueryAsync(TableFilters.Equal(nameof(OpportunityEntity.Status), nameof(OpportunityStatus.Live)), cancellationToken))
            .Select(o => From(o.Value))];

    public async Task<CandidateState?> FindAsync(string candidateId, CancellationToken cancellationToken) =>
        await store.FindAsync(candidateId, cancellationToken) is { } found
            ? new CandidateState(From(found.Value), found.Value.Status == OpportunityStatus.Live)
            : null;

    /// <summary>The opportunity as a candidate, whatever its status (only live ones are open).</summary>
    public static MatchCandidate From(Opportunity opportunity) => new(
        opportunity.Id,
        opportunity.Kind switch
        {
            OpportunityKind.Apprenticeship => CandidateKind.Apprenticeship,
            OpportunityKind.EntryLevelVacancy => CandidateKind.EntryLevelVacancy,
            OpportunityKind.LevyFundedPlace => CandidateKind.LevyFundedPlace,
            _ => throw new ArgumentOutOfRangeException(nameof(opportunity), opportunity.Kind, null),
        },
        opportunity.Title,
        opportunity.EmployerName,
        opportunity.CareerFamily,
        opportunity.Level,
        [.. opportunity.Locations.Where(l => l is { Latitude: not null, Longitude: not null }).Select(l => new GeoPoint(l.Latitude!.Value, l.Longitude!.Value))],
        Remote: false,
        opportunity.ClosingDate,
        opportunity.StartDate,
        new CandidateRequirements(
            opportunity.Requirements.MinimumAge ?? DefaultMinimumAge,
            opportunity.Requirements.RightToWorkInUk,
            opportunity.Requirements.DrivingLicence,
            opportunity.Requirements.QualificationLevel),
        opportunity.SupportedEntry);
}
