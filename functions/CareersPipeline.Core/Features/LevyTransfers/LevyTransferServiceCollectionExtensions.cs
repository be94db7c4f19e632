using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.LevyTransfers;

public static class LevyTransferServiceCollectionExtensions
{
    public static IServiceCollection AddLevyTransfers(this IServiceCollection services)
    {
        services.AddSingleton<LevyStore>();
        services.AddSingleton<LevyNotifications>();
        services.AddSingleton<FundedPlaces>();
        services.AddSingleton<ApplicationTransitions>();
        services.AddSingleton<PledgeClosing>();
        services.AddSingleton<PledgeService>();
        services.AddSingleton<PledgeApplicationService>();
        services.AddSingleton<LevyEmailComposer>();
        services.AddSingleton<LevyEmailHandler>();
        services.AddSingleton<LevyTransferDailyJob>();
        services.AddSingleton<LevyPendingSummaryJob>();
        services.AddSingleton<DemoPledges>();
        return services;
    }
}
