using CareersPipeline.Core;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Matching;
using CareersPipeline.Functions.Features.Outbox;
using CareersPipeline.Functions.Features.Site;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Functions.Runtime.Hosted;
using CareersPipeline.Functions.Runtime.Local;
using CareersPipeline.Functions.Storage;
using CareersPipeline.Web;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Hosting;

/// <summary>Builds the function app for either runtime mode from the one <see cref="FunctionCatalog"/>.</summary>
public static class FunctionApp
{
    public const string LocalUrl = "http://localhost:7071";
    public const string LocalSigningKey = "local-development-only-signing-key";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        var mode = RuntimeModes.Detect(builder.Configuration);

        if (mode == RuntimeMode.Hosted)
        {
            // The host talks to us on loopback only; nothing else can reach this port.
            builder.WebHost.UseUrls($"http://127.0.0.1:{builder.Configuration[RuntimeModes.PortVariable]}");
        }
        else
        {
            LocalModeGuard.Check(builder.Configuration);
            if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            {
                builder.WebHost.UseUrls(LocalUrl);
            }
        }

        if (string.IsNullOrEmpty(builder.Configuration["TOKEN_SIGNING_KEY"]))
        {
            builder.Configuration["TOKEN_SIGNING_KEY"] = mode == RuntimeMode.Local
                ? LocalSigningKey
                : throw new InvalidOperationException("TOKEN_SIGNING_KEY is not set. In Azure it comes from Key Vault (see docs/deploy.md).");
        }
        else if (mode == RuntimeMode.Hosted && SigningKeyStrength.Weakness(builder.Configuration["TOKEN_SIGNING_KEY"]!, LocalSigningKey) is { } weakness)
        {
            throw new InvalidOperationException(weakness);
        }

        // Offline, the local demo still places its own postcodes (docs/configuration.md); hosted, an outage stays pending.
        if (mode == RuntimeMode.Local && string.IsNullOrEmpty(builder.Configuration["POSTCODES_OFFLINE_FALLBACK"]))
        {
            builder.Configuration["POSTCODES_OFFLINE_FALLBACK"] = "true";
        }

        builder.Services.AddSingleton(new RuntimeInfo(mode));
        builder.Services.AddPipelineStorage(builder.Configuration, allowLocalDefault: mode == RuntimeMode.Local);
        builder.Services.AddCareersPipelineCore(builder.Configuration);
        builder.Services.AddSiteTemplates();
        builder.Services.AddEmailTemplates();
        builder.Services.AddApiProblems();
        builder.Services.AddAbuseLimits(builder.Configuration, mode);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton<FunctionInvoker>();
        builder.Services.AddSingleton<QueueRedelivery>();
        builder.Services.AddSingleton<StorageReadiness>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<StorageReadiness>());
        builder.AddPipelineTelemetry();
        builder.AddStaffAuthentication(mode);
        builder.Services.AddSharedDataProtection();
        builder.Services.AddAntiforgery(o => o.Cookie.Name = "careers-antiforgery");
        builder.RaiseServerRequestLineLimit();

        // The staff workspace's sections: each feature's navigation link and home page cards.
        builder.Services.AddSingleton<IStaffWorkspaceSection, Features.Opportunities.OpportunityWorkspaceSection>();
        builder.Services.AddSingleton<IStaffWorkspaceSection, Features.LevyTransfers.LevyWorkspaceSection>();
        builder.Services.AddSingleton<IStaffWorkspaceSection, Features.Administration.AdministrationWorkspaceSection>();
        builder.Services.AddSingleton<IStaffWorkspaceSection, Features.Caseloads.CaseloadWorkspaceSection>();
        builder.Services.AddSingleton<IStaffWorkspaceSection, Features.Applications.ApplicationWorkspaceSection>();
        builder.Services.AddSingleton<IStaffWorkspaceSection, Features.Figures.FiguresWorkspaceSection>();

        if (mode == RuntimeMode.Local)
        {
            AddLocalTriggers(builder);
        }

        var app = builder.Build();
        AppServiceAuthentication.ReportStaffSignIn(app, mode);
        app.UseSecurityHeaders();
        app.UseApiProblems();
        app.UseRequestTargetLimit();
        app.UseApiBodyLimit();
        app.UseStorageReadiness();
        app.UseRateLimiter();
        foreach (var http in FunctionCatalog.All.OfType<HttpFunction>())
        {
            http.Map(app, http.Pattern);
        }

        if (mode == RuntimeMode.Hosted)
        {
            app.MapInvocations(FunctionCatalog.All);
            app.MapGet("/", () => "CareersPipeline custom handler").ExcludeFromDescription();
        }
        else
        {
            app.MapOutbox();
            app.MapDevSignIn();
            app.MapDevMatches();
            app.MapGet("/dev", () => new PageResult(new LocalHomePage())).ExcludeFromDescription();
            app.UseLocalSite();
        }

        return app;
    }

    private static void AddLocalTriggers(WebApplicationBuilder builder)
    {
        var queueSettings = HostSettings.LoadQueues(AppContext.BaseDirectory, builder.Configuration);
        builder.Services.AddSingleton(queueSettings);
        builder.Services.AddSingleton<TimerStatusStore>();
        foreach (var function in FunctionCatalog.All.Where(f => !IsDisabled(f, builder.Configuration)))
        {
            switch (function)
            {
                case QueueFunction queue:
                    builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, queue));
                    break;
                case TimerFunction timer:
                    var schedule = TimerSchedules.Resolve(timer, builder.Configuration);
                    builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(sp, timer, schedule));
                    break;
            }
        }
    }

    /// <summary>The Functions host's own switch, AzureWebJobs.{FunctionName}.Disabled, honoured by the local runtime too.</summary>
    private static bool IsDisabled(FunctionDefinition function, ConfigurationManager configuration) =>
        string.Equals(configuration[$"AzureWebJobs.{function.Name}.Disabled"], "true", StringComparison.OrdinalIgnoreCase);
}
