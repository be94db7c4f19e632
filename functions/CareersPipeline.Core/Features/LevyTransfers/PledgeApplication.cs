using System.Text.Json.Serialization;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// A receiving employer's application for funding from a pledge. Its status moves only through
/// <see cref="PledgeApplicationLifecycle"/>, which keeps the history.
/// </summary>
public sealed record PledgeApplication
{
    public required string Id { get; init; }
    public required string PledgeId { get; init; }

    /// <summary>The pledge owner, kept here so access checks need not read the pledge.</summary>
    public required string PledgeEmployerCode { get; init; }

    public required string EmployerCode { get; init; }
    public required string EmployerName { get; init; }
    public required ApplicationStandard Standard { get; init; }
    public required int NumberOfApprentices { get; init; }
    public required DateOnly StartDate { get; init; }
    public required IReadOnlyList<ApplicationLocation> Locations { get; init; }
    public required string Details { get; init; }
    public string? TrainingProvider { get; init; }

    /// <summary>Staff contact at the receiving employer. Never logged.</summary>
    public required string ContactName { get; init; }

    public required string ContactEmail { get; init; }
    public required MatchResult Match { get; init; }

    /// <summary>Funding band maximum x number of apprentices: what approval reserves from the pledge.</summary>
    public required decimal Cost { get; init; }

    public required IReadOnlyList<YearCost> CostProjection { get; init; }
    public ApplicationStatus Status { get; init; } = ApplicationStatus.Pending;
    public DateTimeOffset StatusChangedAt { get; init; }
    public IReadOnlyList<ApplicationStatusChange> History { get; init; } = [];
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Whether the pledge owner has ever approved it: from then on the applicant may know who funds it.</summary>
    [JsonIgnore]
    public bool WasApproved => History.Any(h => h.To == ApplicationStatus.Approved);
}

/// <summary>The apprenticeship standard applied for. <paramref name="MaxFunding"/> is the maximum of its funding band, per apprentice.</summary>
public sealed record ApplicationStandard(string Title, int LarsCode, int Level, string Route, CareerFamily CareerFamily, int DurationMonths, decimal MaxFunding);

public sealed record ApplicationLocation(string Postcode, double? Latitude = null, double? Longitude = null);

public sealed record ApplicationStatusChange(ApplicationStatus From, ApplicationStatus To, DateTimeOffset At, string By, string? Reason = null);

/// <summary>25 per criterion met: sector (career family), level, location and route.</summary>
public sealed record MatchResult(int Percentage, IReadOnlyList<MatchCriterion> Met);

/// <summary>What the application costs in one financial year (April to March), e.g. "2026/27".</summary>
public sealed record YearCost(string FinancialYear, decimal Amount);

public enum MatchCriterion
{
    Sector,
    Level,
    Location,
    Route,
}

public enum ApplicationStatus
{
    Pending,
    Approved,
    Rejected,
    Withdrawn,
    Accepted,
    Declined,
    FundsUsed,
    FundsExpired,
    WithdrawnAfterAcceptance,
}
