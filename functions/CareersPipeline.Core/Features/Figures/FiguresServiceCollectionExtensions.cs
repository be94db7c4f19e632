using CareersPipeline.Core.People;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Figures;

public static class FiguresServiceCollectionExtensions
{
    /// <summary>The figures: the store, the incremental path (an observer of the kernel's journey events), the rebuild and the dashboard.</summary>
    public static IServiceCollection AddFigures(this IServiceCollection services)
    {
        services.AddSingleton<FiguresStore>();
        services.AddSingleton<IJourneyEventObserver, FiguresRecorder>();
        services.AddSingleton<FiguresRebuild>();
        services.AddSingleton<FiguresService>();
        return services;
    }
}
