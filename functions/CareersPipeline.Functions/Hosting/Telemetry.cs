using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using CareersPipeline.Functions.Runtime;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CareersPipeline.Functions.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs: to Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is
/// set (Entra ID auth through the app's managed identity), and to any OTLP endpoint when OTEL_EXPORTER_OTLP_ENDPOINT is.
/// Outgoing URLs are cut to their host, since paths and queries can carry personal data or tokens.
/// </summary>
public static class Telemetry
{
    public static WebApplicationBuilder AddPipelineTelemetry(this WebApplicationBuilder builder)
    {
        var appInsights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(appInsights) && string.IsNullOrWhiteSpace(otlp))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(FunctionInvoker.ActivitySource.Name)
                .AddAspNetCoreInstrumentation(o => o.EnrichWithHttpRequest = (activity, request) =>
                {
                    activity.SetTag("url.query", null);
                    activity.SetTag("url.full", null);
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Authority));
                    activity.SetTag("url.path", null);
                    activity.SetTag("url.query", null);
                }))
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation());

        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(appInsights))
        {
            var credential = new ManagedIdentityCredential(builder.Configuration["AZURE_CLIENT_ID"] is { Length: > 0 } id
                ? ManagedIdentityId.FromUserAssignedClientId(id)
                : ManagedIdentityId.SystemAssigned);
            builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddAzureMonitorTraceExporter(o => { o.ConnectionString = appInsights; o.Credential = credential; }));
            builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddAzureMonitorMetricExporter(o => { o.ConnectionString = appInsights; o.Credential = credential; }));
            builder.Logging.AddOpenTelemetry(l => l.AddAzureMonitorLogExporter(o => { o.ConnectionString = appInsights; o.Credential = credential; }));
        }

        return builder;
    }
}
