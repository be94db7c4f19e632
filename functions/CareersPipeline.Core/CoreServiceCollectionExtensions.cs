using CareersPipeline.Core.Email;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.Features.Caseloads;
using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Core.Features.Geocoding;
using CareersPipeline.Core.Features.Health;
using CareersPipeline.Core.Features.LevyTransfers;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Features.NationalVacancies;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.Features.Seeding;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;
using SendGrid;

namespace CareersPipeline.Core;

/// <summary>
/// Registers the features. Settings are flat UPPER_SNAKE app settings, the names infra/ sets in Azure
/// (see docs/configuration.md); storage clients are registered by the host, which knows how to connect.
/// </summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddCareersPipelineCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.Configure<SigningOptions>(o =>
        {
            o.Key = configuration["TOKEN_SIGNING_KEY"] ?? string.Empty;
            o.PreviousKeys = configuration["TOKEN_SIGNING_KEY_PREVIOUS"];
        });
        services.Configure<PipelineOptions>(o =>
        {
            o.PublicBaseUrl = configuration["PUBLIC_BASE_URL"] ?? o.PublicBaseUrl;
            o.IcsName = configuration["ICS_NAME"] ?? o.IcsName;
        });
        services.Configure<EmailOptions>(o =>
        {
            o.SendGridApiKey = configuration["SENDGRID_API_KEY"];
            o.SendGridHost = configuration["SENDGRID_HOST"] ?? o.SendGridHost;
            o.FromEmail = configuration["SENDGRID_FROM_EMAIL"] ?? o.FromEmail;
        });

        services.AddSingleton<StorageProvisioner>();
        services.AddSingleton<QueueSender>();
        services.AddSingleton<SignedTokens>();
        services.AddSingleton<ApplicantStore>();
        services.AddSingleton<PersonDirectory>();
        services.AddSingleton<PersonLinks>();
        services.AddSingleton<ReferenceDataStore>();
        services.AddSingleton<SignUpValidator>();
        services.AddSingleton<SignUpService>();
        services.AddSingleton<SignUpProcessor>();
        services.AddSingleton<SignUpLinks>();
        services.AddSingleton<SignUpVerification>();
        services.AddSingleton<LinkRequests>();
        services.AddSingleton<SignUpRecoveryJob>();
        services.AddSingleton<StorageHealthCheck>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<RealDataCheck>();
        services.AddSingleton<DemoOpportunities>();
        services.Configure<StaffOptions>(o => o.BootstrapAdminEmails = StaffOptions.ParseEmails(configuration["BOOTSTRAP_ADMIN_EMAILS"]));
        services.AddSingleton<StaffDirectory>();
        services.AddSingleton<StaffFormDrafts>();
        services.AddSingleton<Runs.RunRecordStore>();
        services.AddAdministration();
        services.AddSingleton<JourneyEvents>();
        services.AddSingleton<IPersonKeyMerge, JourneyEventsMerge>();
        services.AddOpportunities();
        services.AddApplications();
        services.AddLevyTransfers();
        services.AddPrivacy(configuration);
        services.AddNationalVacancies(configuration);
        services.AddCaseloads(configuration);
        services.AddMatching(configuration);
        services.AddSite(configuration);
        services.AddFigures();

        services.Configure<GeocodingOptions>(o => o.OfflineFallback = AppSettings.Flag(configuration, "POSTCODES_OFFLINE_FALLBACK", o.OfflineFallback));
        services.AddSingleton<PostcodeLookup>();
        services.AddSingleton<GeocodeRetryJob>();
        services
            .AddRefitGeneratedClient<IPostcodesApi>()
            .ConfigureHttpClient(c => c.BaseAddress = new Uri(configuration["POSTCODES_BASE_URL"] ?? "https://api.postcodes.io"))
            .AddStandardResilienceHandler(options => configuration.GetSection("Resilience:Postcodes").Bind(options));

        services.AddSingleton<SignUpEmailComposer>();
        services.AddSingleton<SignUpEmailHandler>();
        services.AddSingleton<Mailer>();
        services.AddSingleton<SentEmailLog>();
        services.AddSingleton<QueueFailures>();
        services.AddSingleton<OutboxReader>();
        services.AddHttpClient(nameof(SendGridClient));
        services.AddSingleton<ISendGridClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(SendGridClient));
            return new SendGridClient(http, new SendGridClientOptions { ApiKey = options.SendGridApiKey, Host = options.SendGridHost });
        });
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.UseSendGrid
            ? ActivatorUtilities.CreateInstance<SendGridEmailSender>(sp)
            : ActivatorUtilities.CreateInstance<OutboxEmailSender>(sp));

        return services;
    }
}
