using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Site;

public static class SiteServiceCollectionExtensions
{
    /// <summary>The site generator. The host registers an <see cref="ISiteRenderer"/> (web/CareersPipeline.Web).</summary>
    public static IServiceCollection AddSite(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SiteOptions>(o =>
        {
            o.ApiBaseUrl = configuration["PUBLIC_BASE_URL"] is { Length: > 0 } api ? api : o.ApiBaseUrl;
            o.SiteBaseUrl = configuration["SITE_ORIGIN"] is { Length: > 0 } site ? site : o.ApiBaseUrl;
            o.PagefindPath = configuration["PAGEFIND_PATH"];
            o.IcsName = configuration["ICS_NAME"] ?? o.IcsName;
        });
        services.AddSingleton<SiteIndexStore>();
        services.AddSingleton<SitePublisher>();
        services.AddSingleton<SitePublishLock>();
        services.AddSingleton<SiteRendering>();
        services.AddSingleton<Pagefind>();
        services.AddSingleton<SiteFullBuild>();
        services.AddSingleton<SiteIncrementalPublish>();
        services.AddSingleton<SiteChangeHandler>();
        services.AddSingleton<SiteSearchRefresh>();
        return services;
    }
}
