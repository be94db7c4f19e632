using CareersPipeline.Core.People;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Core.Features.Privacy;

public static class PrivacyServiceCollectionExtensions
{
    /// <summary>
    /// Consents, the consent gate, subject access, erasure, equality monitoring, the staff access audit and retention.
    /// Settings: RETENTION_MONTHS, OUTBOX_RETENTION_DAYS, AUDIT_RETENTION_YEARS, EQUALITY_LINK_KEY.
    /// </summary>
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        // Read at start-up, so a wrong setting stops the app with a message naming it rather than failing a nightly run.
        services.AddOptions<PrivacyOptions>().Configure(o =>
        {
            o.RetentionMonths = AppSettings.Positive(configuration, "RETENTION_MONTHS", o.RetentionMonths);
            o.OutboxRetentionDays = AppSettings.Positive(configuration, "OUTBOX_RETENTION_DAYS", o.OutboxRetentionDays);
            o.AuditRetentionYears = AppSettings.Positive(configuration, "AUDIT_RETENTION_YEARS", o.AuditRetentionYears);
            o.EqualityLinkKey = configuration["EQUALITY_LINK_KEY"];
        }).ValidateOnStart();

        services.AddSingleton<ConsentStore>();
        services.AddSingleton<ConsentLedger>();
        services.AddSingleton<ConsentGate>();
        services.AddSingleton<PersonResolver>();
        services.AddSingleton<PersonAccessAudit>();
        services.AddSingleton<AggregateCounters>();
        services.AddSingleton<EqualityStore>();
        services.AddSingleton<EqualityAggregator>();
        services.AddSingleton<SubjectAccessService>();
        services.AddSingleton<PersonErasure>();
        services.AddSingleton<PrivacySelfService>();
        services.AddSingleton<PrivacyStaffService>();
        services.AddSingleton<PrivacyRetentionJob>();

        // What subject access and erasure cover; other features add theirs the same way.
        services.AddSingleton<IPersonalDataSource, SignUpDataSource>();
        services.AddSingleton<IPersonKeyMerge, EqualityPersonMerge>();
        services.AddSingleton<IPersonalDataSource, ConsentDataSource>();
        services.AddSingleton<IPersonalDataSource, EqualityDataSource>();
        services.AddSingleton<IPersonalDataSource, OutboxDataSource>();
        services.AddSingleton<IPersonalDataSource, AuditDataSource>();
        services.AddSingleton<IPersonalDataSource, PoisonQueueDataSource>();
        return services;
    }
}
