namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>A pledge as a levy payer sends it. Loose types so every problem is reported at once.</summary>
public sealed record PledgeInput
{
    public string? EmployerCode { get; init; }
    public decimal? Amount { get; init; }
    public IReadOnlyList<int>? Levels { get; init; }
    public IReadOnlyList<string?>? CareerFamilies { get; init; }
    public IReadOnlyList<string?>? Routes { get; init; }
    public IReadOnlyList<PledgeLocationInput?>? Locations { get; init; }
    public bool? NamePublic { get; init; }
    public string? AutoApproval { get; init; }
    public string? OpensOn { get; init; }
    public string? ClosesOn { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
}

/// <summary>A place to fund around: a name, and a postcode or latitude and longitude, with a radius in miles.</summary>
public sealed record PledgeLocationInput(string? Name, string? Postcode, double? Latitude, double? Longitude, double? RadiusMiles);

/// <summary>An application as a receiving employer sends it.</summary>
public sealed record ApplicationInput
{
    public string? EmployerCode { get; init; }
    public StandardInput? Standard { get; init; }
    public int? NumberOfApprentices { get; init; }
    public string? StartDate { get; init; }
    public IReadOnlyList<string?>? Postcodes { get; init; }
    public string? Details { get; init; }
    public string? TrainingProvider { get; init; }
    public string? ContactName { get; init; }
    public string? ContactEmail { get; init; }
}

public sealed record StandardInput(string? Title, int? LarsCode, int? Level, string? Route, string? CareerFamily, int? DurationMonths, decimal? MaxFunding);

/// <summary>The optional body of a decision or a closure: why.</summary>
public sealed record DecisionInput(string? Reason);
