namespace CareersPipeline.Core.Features.Privacy;

public sealed class PrivacyOptions
{
    /// <summary>RETENTION_MONTHS: people with no activity for this long are anonymised by the retention timer.</summary>
    public int RetentionMonths { get; set; } = 24;

    /// <summary>OUTBOX_RETENTION_DAYS: copies of sent emails in the outbox container are deleted after this.</summary>
    public int OutboxRetentionDays { get; set; } = 30;

    /// <summary>AUDIT_RETENTION_YEARS: staff access audit entries are kept this long (NHS records management code).</summary>
    public int AuditRetentionYears { get; set; } = 6;

    /// <summary>
    /// EQUALITY_LINK_KEY: HMAC key linking an equality monitoring row to its person. When empty it is derived from
    /// TOKEN_SIGNING_KEY (HKDF, its own label), so it never equals the key that derives applicant ids.
    /// </summary>
    public string? EqualityLinkKey { get; set; }
}
