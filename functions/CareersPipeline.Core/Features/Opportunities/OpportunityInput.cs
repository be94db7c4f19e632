namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>An opportunity as an employer sends it (JSON, or one CSV row). Loose types so every problem is reported at once.</summary>
public sealed record OpportunityInput
{
    public string? Kind { get; init; }
    public string? EmployerCode { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    public string? Description { get; init; }
    public string? CareerFamily { get; init; }
    public int? Positions { get; init; }
    public IReadOnlyList<string>? Postcodes { get; init; }
    public WageInput? Wage { get; init; }
    public decimal? HoursPerWeek { get; init; }
    public string? StartDate { get; init; }
    public string? ClosingDate { get; init; }
    public RequirementsInput? Requirements { get; init; }
    public bool? DisabilityConfident { get; init; }
    public bool? SupportedEntry { get; init; }
    public string? ApplyUrl { get; init; }
    public ApprenticeshipInput? Apprenticeship { get; init; }
    public VacancyInput? Vacancy { get; init; }
}

public sealed record WageInput(string? Type, decimal? Amount, string? Unit, string? Notes);

public sealed record RequirementsInput(int? MinimumAge, bool? DrivingLicence, string? QualificationLevel, bool? RightToWorkInUk);

public sealed record ApprenticeshipInput(string? StandardTitle, int? LarsCode, int? Level, string? Route, int? DurationMonths, string? TrainingProvider);

public sealed record VacancyInput(string? Band, string? ContractType);
