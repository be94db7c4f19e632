using CareersPipeline.Core.Features.Site;
using CareersPipeline.Web.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The Razor templates as the site generator's renderer.</summary>
    public static IServiceCollection AddSiteTemplates(this IServiceCollection services) =>
        services.AddSingleton<ISiteRenderer, RazorSiteRenderer>();
}
