using Refit;

namespace CareersPipeline.Core.Features.NationalVacancies;

/// <summary>
/// The DfE apprenticeship vacancies API ("Display Advert" v2), the part the import uses. Base URL is the
/// DFE_VACANCIES_BASE_URL setting. The subscription key is passed per call, so the import decides what an
/// empty key means (not configured) rather than sending requests that can only answer 401.
/// </summary>
[Headers("X-Version: 2", "AdditionalDataSources: Nhs")]
public interface IVacanciesApi
{
    [Get("/vacancy")]
    Task<IApiResponse<VacancyPage>> SearchAsync(
        [Header("Ocp-Apim-Subscription-Key")] string subscriptionKey,
        [AliasAs("Lat")] double latitude,
        [AliasAs("Lon")] double longitude,
        [AliasAs("DistanceInMiles")] int distanceInMiles,
        [AliasAs("PageNumber")] int pageNumber,
        [AliasAs("PageSize")] int pageSize,
        [AliasAs("IncludeDetails")] string includeDetails,
        [AliasAs("Sort")] string sort,
        CancellationToken cancellationToken);
}

/// <summary>One page of <c>GET /vacancy</c>. Fields the API leaves out (it omits nulls) stay null or zero.</summary>
public sealed record VacancyPage
{
    public IReadOnlyList<ApiVacancy>? Vacancies { get; init; }

    public int Total { get; init; }

    public int TotalFiltered { get; init; }

    public int TotalPages { get; init; }
}

/// <summary>
/// A vacancy as the API returns it. Enums stay strings here (the mapper decides what an unknown value means), and
/// dates stay strings (the API writes date-times; only the date is used). Employer contact details are not read.
/// </summary>
public sealed record ApiVacancy
{
    public string? VacancyReference { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public int? NumberOfPositions { get; init; }

    public string? PostedDate { get; init; }

    public string? ClosingDate { get; init; }

    public string? StartDate { get; init; }

    public ApiWage? Wage { get; init; }

    public decimal? HoursPerWeek { get; init; }

    public string? ExpectedDuration { get; init; }

    public IReadOnlyList<ApiAddress>? Addresses { get; init; }

    public string? ApplicationUrl { get; init; }

    public string? EmployerName { get; init; }

    public ApiCourse? Course { get; init; }

    public string? ApprenticeshipLevel { get; init; }

    public string? ProviderName { get; init; }

    public bool? IsDisabilityConfident { get; init; }

    public string? VacancyUrl { get; init; }

    public bool? IsNationalVacancy { get; init; }
}

public sealed record ApiWage
{
    public string? WageType { get; init; }

    public decimal? WageAmount { get; init; }

    public string? WageUnit { get; init; }

    public string? WageAdditionalInformation { get; init; }

    public string? WorkingWeekDescription { get; init; }
}

public sealed record ApiAddress
{
    public string? AddressLine1 { get; init; }

    public string? Postcode { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }
}

public sealed record ApiCourse
{
    public int? LarsCode { get; init; }

    public string? Title { get; init; }

    public int? Level { get; init; }

    public string? Route { get; init; }

    public string? Type { get; init; }
}
