using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Administration;

public static class AdministrationServiceCollectionExtensions
{
    public static IServiceCollection AddAdministration(this IServiceCollection services)
    {
        services.AddSingleton<StaffInvitationComposer>();
        services.AddSingleton<StaffAdministration>();
        services.AddSingleton<ReferenceUsage>();
        services.AddSingleton<ReferenceDataAdministration>();
        services.AddSingleton<SchoolImport>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<PoisonMessages>();
        services.AddSingleton<PoisonAlertJob>();
        return services;
    }
}
