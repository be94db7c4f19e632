using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>A pledge as its owner (and admins) see it: everything, with what is reserved and what remains.</summary>
public sealed record PledgeView(
    string Id,
    string EmployerCode,
    string EmployerName,
    decimal Amount,
    decimal Reserved,
    decimal Remaining,
    PledgeCriteria Criteria,
    bool NamePublic,
    AutoApproval AutoApproval,
    DateOnly OpensOn,
    DateOnly ClosesOn,
    PledgeStatus Status,
    PledgeClosure? Closure,
    string ContactName,
    string ContactEmail,
    IReadOnlyList<PledgeReservation> Reservations,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PledgeView From(Pledge p) => new(
        p.Id, p.EmployerCode, p.EmployerName, p.Amount, p.Reserved, p.Remaining, p.Criteria, p.NamePublic, p.AutoApproval,
        p.OpensOn, p.ClosesOn, p.Status, p.Closure, p.ContactName, p.ContactEmail, p.Reservations, p.CreatedAt, p.UpdatedAt);
}

/// <summary>An open pledge as any employer browsing sees it: no contact details, no reservations, and the name only if the owner chose to show it.</summary>
public sealed record OpenPledgeView(
    string Id,
    string EmployerName,
    decimal Amount,
    decimal Remaining,
    PledgeCriteria Criteria,
    AutoApproval AutoApproval,
    DateOnly OpensOn,
    DateOnly ClosesOn)
{
    public static OpenPledgeView From(Pledge p) => new(p.Id, p.DisplayName, p.Amount, p.Remaining, p.Criteria, p.AutoApproval, p.OpensOn, p.ClosesOn);
}

/// <summary>
/// An application as one of the two parties (or an admin) sees it. The applicant learns who the pledge owner is only
/// when the pledge shows its name or once the owner has approved the application; until then the owner's moves in
/// the history are shown as the pledge owner's, without the member of staff.
/// </summary>
public sealed record ApplicationView(
    string Id,
    string PledgeId,
    string PledgeEmployerName,
    string? PledgeEmployerCode,
    string EmployerCode,
    string EmployerName,
    ApplicationStandard Standard,
    int NumberOfApprentices,
    DateOnly StartDate,
    IReadOnlyList<ApplicationLocation> Locations,
    string Details,
    string? TrainingProvider,
    string ContactName,
    string ContactEmail,
    MatchResult Match,
    decimal Cost,
    IReadOnlyList<YearCost> CostProjection,
    ApplicationStatus Status,
    DateTimeOffset StatusChangedAt,
    IReadOnlyList<ApplicationStatusChange> History,
    string? OpportunityId,
    DateTimeOffset CreatedAt)
{
    public const string PledgeOwner = "pledge owner";

    public static ApplicationView For(PledgeApplication a, Pledge pledge, StaffPrincipal viewer)
    {
        var seesOwner = SeesOwner(a, pledge, viewer);
        var history = seesOwner
            ? a.History
            : a.History.Select(h => h.To is ApplicationStatus.Approved or ApplicationStatus.Rejected or ApplicationStatus.Pending && !LevyRules.Systems.IsSystem(h.By)
                ? h with { By = PledgeOwner }
                : h).ToList();
        return new ApplicationView(
            a.Id, a.PledgeId, seesOwner ? pledge.EmployerName : LevyRules.AnonymousEmployerName, seesOwner ? a.PledgeEmployerCode : null,
            a.EmployerCode, a.EmployerName, a.Standard, a.NumberOfApprentices, a.StartDate, a.Locations, a.Details, a.TrainingProvider,
            a.ContactName, a.ContactEmail, a.Match, a.Cost, a.CostProjection, a.Status, a.StatusChangedAt, history,
            HasPlace(a.Status) ? LevyIds.PlaceFor(a.Id) : null, a.CreatedAt);
    }

    /// <summary>Whether the applicant side may know who owns the pledge.</summary>
    public static bool SeesOwner(PledgeApplication a, Pledge pledge, StaffPrincipal? viewer) =>
        pledge.NamePublic || a.WasApproved || (viewer is not null && viewer.CanActFor(a.PledgeEmployerCode));

    private static bool HasPlace(ApplicationStatus status) =>
        status is ApplicationStatus.Accepted or ApplicationStatus.FundsUsed or ApplicationStatus.FundsExpired or ApplicationStatus.WithdrawnAfterAcceptance;
}
