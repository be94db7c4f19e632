using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace CareersPipeline.Core.Features.NationalVacancies;

public static class NationalVacanciesServiceCollectionExtensions
{
    /// <summary>The import, its options from the flat app settings, and the DfE client with the standard resilience handler.</summary>
    public static IServiceCollection AddNationalVacancies(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NationalVacanciesOptions>(o =>
        {
            o.ApiKey = configuration["DFE_VACANCIES_API_KEY"];
            o.Latitude = Number(configuration, "AREA_LATITUDE", o.Latitude);
            o.Longitude = Number(configuration, "AREA_LONGITUDE", o.Longitude);
            o.RadiusMiles = (int)Number(configuration, "AREA_RADIUS_MILES", o.RadiusMiles);
        });
        services.AddSingleton<NationalVacancyFeed>();
        services.AddSingleton<NationalVacancyImport>();

        var baseUrl = configuration["DFE_VACANCIES_BASE_URL"];
        services
            .AddRefitGeneratedClient<IVacanciesApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri(string.IsNullOrWhiteSpace(baseUrl) ? NationalVacanciesOptions.DefaultBaseUrl : baseUrl))
            .AddStandardResilienceHandler(options => configuration.GetSection("Resilience:Vacancies").Bind(options));
        return services;
    }

    private static double Number(IConfiguration configuration, string setting, double fallback)
    {
        var value = configuration[setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidOperationException($"The app setting {setting} ('{value}') is not a number.");
    }
}
