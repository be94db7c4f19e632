using System.Text.Json.Serialization;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// A levy payer's offer to fund apprenticeships at other employers. The money still unpromised is
/// <see cref="Remaining"/>: the amount less what approved applications reserve. Every change to the reservations
/// is written with the ETag that was read, so concurrent approvals can never take it below zero.
/// </summary>
public sealed record Pledge
{
    public required string Id { get; init; }
    public required string EmployerCode { get; init; }
    public required string EmployerName { get; init; }
    public required decimal Amount { get; init; }
    public required PledgeCriteria Criteria { get; init; }

    /// <summary>Whether applicants see the employer's name; otherwise they see <see cref="LevyRules.AnonymousEmployerName"/>.</summary>
    public bool NamePublic { get; init; }

    public AutoApproval AutoApproval { get; init; }
    public required DateOnly OpensOn { get; init; }
    public required DateOnly ClosesOn { get; init; }
    public PledgeStatus Status { get; init; } = PledgeStatus.Open;
    public PledgeClosure? Closure { get; init; }

    /// <summary>Staff contact for this pledge: decisions and the weekly summary go here. Never logged.</summary>
    public required string ContactName { get; init; }

    public required string ContactEmail { get; init; }
    public IReadOnlyList<PledgeReservation> Reservations { get; init; } = [];
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    [JsonIgnore]
    public decimal Reserved => Reservations.Sum(r => r.Amount);

    [JsonIgnore]
    public decimal Remaining => Amount - Reserved;

    /// <summary>Open for applications on <paramref name="today"/>.</summary>
    public bool IsOpenOn(DateOnly today) => Status == PledgeStatus.Open && OpensOn <= today && today <= ClosesOn;

    public bool HasReservationFor(string applicationId) => Reservations.Any(r => r.ApplicationId == applicationId);

    /// <summary>The name an applicant may see.</summary>
    [JsonIgnore]
    public string DisplayName => NamePublic ? EmployerName : LevyRules.AnonymousEmployerName;
}

/// <summary>What a pledge will fund. An empty list does not restrict; no criteria at all means every application matches 100%.</summary>
public sealed record PledgeCriteria(
    IReadOnlyList<int> Levels,
    IReadOnlyList<CareerFamily> CareerFamilies,
    IReadOnlyList<string> Routes,
    IReadOnlyList<PledgeLocation> Locations)
{
    public static PledgeCriteria None { get; } = new([], [], [], []);
}

/// <summary>A place the pledge funds around: a postcode or coordinates, and a radius. Coordinates are null when the postcode lookup was unavailable.</summary>
public sealed record PledgeLocation(string Name, string? Postcode, double? Latitude, double? Longitude, double RadiusMiles);

/// <summary>Money promised to one approved application.</summary>
public sealed record PledgeReservation(string ApplicationId, decimal Amount, DateTimeOffset At);

public sealed record PledgeClosure(PledgeClosureReason Reason, DateTimeOffset At, string By, string? Note = null);

public enum AutoApproval
{
    /// <summary>The owner decides every application.</summary>
    None,

    /// <summary>100% matches are approved as they arrive, while the pledge covers them.</summary>
    Immediate,

    /// <summary>100% matches still pending after 42 days are approved, oldest first, while the pledge covers them.</summary>
    Delayed,
}

public enum PledgeStatus
{
    Open,
    Closed,
}

public enum PledgeClosureReason
{
    /// <summary>Closed by its owner or an admin.</summary>
    Manual,

    /// <summary>Less than the minimum pledge remained.</summary>
    LowBalance,

    /// <summary>Its close date passed.</summary>
    CloseDate,
}
