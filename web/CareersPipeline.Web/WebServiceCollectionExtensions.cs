using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Web.Rendering;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The Razor templates as the site generator's renderer.</summary>
    public static IServiceCollection AddSiteTemplates(this IServiceCollection services) =>
        services.AddSingleton<ISiteRenderer, RazorSiteRenderer>();

    /// <summary>The Razor templates as the HTML of every email.</summary>
    public static IServiceCollection AddEmailTemplates(this IServiceCollection services) =>
        services.AddSingleton<IEmailTemplates, RazorEmailTemplates>();
}
