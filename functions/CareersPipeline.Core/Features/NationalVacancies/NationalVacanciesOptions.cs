namespace CareersPipeline.Core.Features.NationalVacancies;

/// <summary>
/// Settings of the national vacancies import (flat app settings, see docs/configuration.md): the DfE subscription
/// key and the area to import, a circle around the ICS.
/// </summary>
public sealed class NationalVacanciesOptions
{
    public const string DefaultBaseUrl = "https://api.apprenticeships.education.gov.uk/vacancies";

    /// <summary>DFE_VACANCIES_API_KEY. Empty: the import is not configured and does nothing.</summary>
    public string? ApiKey { get; set; }

    /// <summary>AREA_LATITUDE: the centre of the area (default: Stoke-on-Trent).</summary>
    public double Latitude { get; set; } = 52.98;

    /// <summary>AREA_LONGITUDE.</summary>
    public double Longitude { get; set; } = -2.13;

    /// <summary>AREA_RADIUS_MILES.</summary>
    public int RadiusMiles { get; set; } = 30;

    /// <summary>Vacancies per page: the API gives full details only up to 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>A feed with more pages than this is refused rather than imported (a wrong area or a broken API).</summary>
    public int MaxPages { get; set; } = 100;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ApiKey);
}
