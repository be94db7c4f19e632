using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>An apprenticeship, entry-level vacancy or levy-funded place, as employers publish it and the public sees it.</summary>
public sealed record Opportunity
{
    public required string Id { get; init; }
    public required OpportunityKind Kind { get; init; }
    public OpportunityStatus Status { get; init; } = OpportunityStatus.Draft;
    public required string EmployerCode { get; init; }
    public required string EmployerName { get; init; }
    public required string Title { get; init; }
    public required string Summary { get; init; }
    public string Description { get; init; } = string.Empty;
    public required CareerFamily CareerFamily { get; init; }
    public int Positions { get; init; } = 1;
    public required IReadOnlyList<OpportunityLocation> Locations { get; init; }
    public required Wage Wage { get; init; }
    public decimal HoursPerWeek { get; init; }
    public DateOnly? StartDate { get; init; }
    public required DateOnly ClosingDate { get; init; }
    public Requirements Requirements { get; init; } = new();
    public bool DisabilityConfident { get; init; }

    /// <summary>The employer offers a supported start (a mentor, help with English, a work trial): what the supported route looks for.</summary>
    public bool SupportedEntry { get; init; }
    public required HowToApply HowToApply { get; init; }
    public ApprenticeshipDetails? Apprenticeship { get; init; }
    public VacancyDetails? Vacancy { get; init; }
    public LevyFunding? LevyFunding { get; init; }
    public OpportunitySource Source { get; init; } = OpportunitySource.Local;

    /// <summary>The DfE vacancy reference, for national vacancies: the import upserts by it.</summary>
    public string? ExternalReference { get; init; }

    public ClosureReason? ClosureReason { get; init; }
    public string? ClosureNote { get; init; }
    public IReadOnlyList<StatusChange> History { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The qualification level of the apprenticeship, for filters; null for vacancies.</summary>
    public int? Level => Apprenticeship?.Level;
}

/// <summary>A place of work. Coordinates come from postcodes.io; they are null until the lookup succeeds.</summary>
public sealed record OpportunityLocation(string Postcode, double? Latitude = null, double? Longitude = null);

public sealed record Wage(WageType Type, decimal? Amount = null, WageUnit? Unit = null, string? Notes = null);

public sealed record Requirements(int? MinimumAge = null, bool DrivingLicence = false, QualificationLevel? QualificationLevel = null, bool RightToWorkInUk = true);

/// <summary>Apply through this service, or at the employer's own page.</summary>
public sealed record HowToApply(bool ThroughService, string? ExternalUrl = null);

public sealed record ApprenticeshipDetails(string StandardTitle, int LarsCode, int Level, string Route, int DurationMonths, string TrainingProvider);

public sealed record VacancyDetails(string? Band, ContractType ContractType);

/// <summary>The pledge application that pays for a levy-funded place.</summary>
public sealed record LevyFunding(string PledgeId, string ApplicationId);

public sealed record StatusChange(OpportunityStatus From, OpportunityStatus To, DateTimeOffset At, string By, ClosureReason? Reason = null, string? Note = null);
