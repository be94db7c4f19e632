using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Opportunities;

public static class OpportunityServiceCollectionExtensions
{
    public static IServiceCollection AddOpportunities(this IServiceCollection services)
    {
        services.AddSingleton<OpportunityStore>();
        services.AddSingleton<OpportunityChanges>();
        services.AddSingleton<OpportunityService>();
        services.AddSingleton<OpportunitySearch>();
        services.AddSingleton<OpportunityClosingJob>();
        services.AddSingleton<VacancyCsvImport>();
        return services;
    }
}
