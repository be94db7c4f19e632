using CareersPipeline.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Applications;

public static class ApplicationsServiceCollectionExtensions
{
    public static IServiceCollection AddApplications(this IServiceCollection services)
    {
        services.AddSingleton<ApplicationStore>();
        services.AddSingleton<ApplicationMoves>();
        services.AddSingleton<ApplicationLinks>();
        services.AddSingleton<ApplicationEmails>();
        services.AddSingleton<PersonApplications>();
        services.AddSingleton<EmployerApplications>();
        services.AddSingleton<ApplicationFollowUp>();
        services.AddSingleton<ApplicationRequests>();
        services.AddSingleton<IPersonalDataSource, ApplicationsDataSource>();
        return services;
    }
}
