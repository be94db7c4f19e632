using CareersPipeline.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Caseloads;

public static class CaseloadServiceCollectionExtensions
{
    /// <summary>Outreach case management. Settings: CASELOAD_CONTACT_WORKING_DAYS (default 5).</summary>
    public static IServiceCollection AddCaseloads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CaseloadOptions>(o => o.WorkingDaysToContact = AppSettings.Positive(configuration, "CASELOAD_CONTACT_WORKING_DAYS", o.WorkingDaysToContact));
        services.AddSingleton<CaseloadStore>();
        services.AddSingleton<CaseStore>();
        services.AddSingleton<AdviserTeams>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<CaseloadEmailComposer>();
        services.AddSingleton<ReferralPartners>();
        services.AddSingleton<ReferralService>();
        services.AddSingleton<AssistedRegistration>();
        services.AddSingleton<UncontactedDigestJob>();
        services.AddSingleton<CaseloadActionsJob>();
        services.AddSingleton<IPersonalDataSource, CaseloadDataSource>();
        return services;
    }
}
