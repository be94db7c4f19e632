using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Privacy;

/// <summary>
/// Timer job (PRIVACY_RETENTION_SCHEDULE, daily): anonymises people with no activity for RETENTION_MONTHS, deletes
/// outbox copies older than OUTBOX_RETENTION_DAYS and those about people who no longer exist, consents left without
/// a sign-up, and audit entries older than AUDIT_RETENTION_YEARS. Links in emails are signed tokens that expire on
/// their own and are never stored, so there are no stored tokens to expire.
/// </summary>
public sealed partial class PrivacyRetentionJob(
    ApplicantStore applicants,
    PersonResolver resolver,
    ConsentStore consents,
    PersonErasure erasure,
    PersonAccessAudit audit,
    BlobServiceClient blobs,
    IOptions<PrivacyOptions> options,
    TimeProvider time,
    ILogger<PrivacyRetentionJob> logger)
{
    /// <summary>Outbox copies and consents whose sign-up is missing are left this long (a sign-up records its consent just before it is stored).</summary>
    public static readonly TimeSpan OrphanGracePeriod = TimeSpan.FromHours(1);

    /// <summary>An under-16's sign-up is deleted this long after its guardian link expired without consent (the email promises it).</summary>
    public static readonly TimeSpan GuardianGracePeriod = TimeSpan.FromDays(1);

    public async Task<RetentionReport> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;

        var people = await AnonymiseInactiveAsync(now.AddMonths(-settings.RetentionMonths), cancellationToken);
        var children = await DeleteUnconsentedChildrenAsync(now - SignUpEmailComposer.GuardianLinkLifetime - GuardianGracePeriod, cancellationToken);
        var (expired, orphaned) = await CleanOutboxAsync(now - TimeSpan.FromDays(settings.OutboxRetentionDays), now - OrphanGracePeriod, cancellationToken);
        var consentRows = await DeleteOrphanedConsentsAsync(now - OrphanGracePeriod, cancellationToken);
        var auditEntries = await audit.DeleteOlderThanAsync(now.AddYears(-settings.AuditRetentionYears), cancellationToken);

        var report = new RetentionReport(people, children, expired, orphaned, consentRows, auditEntries);
        LogRun(logger, report.PeopleAnonymised, report.UnconsentedChildSignUpsDeleted, report.OutboxEmailsExpired, report.OutboxEmailsOrphaned, report.OrphanedConsentRows, report.AuditEntriesExpired);
        return report;
    }

    /// <summary>
    /// The last thing the person did: signed up (through any door), answered or changed a consent, confirmed their
    /// email, or had a guardian agree. Processing by the pipeline itself is not activity.
    /// </summary>
    public async Task<DateTimeOffset> LastActivityAsync(PersonRecords person, CancellationToken cancellationToken)
    {
        var dates = person.Applicants.SelectMany(a => new[] { a.CreatedAt, a.ConsentedAt, a.EmailVerifiedAt ?? default, a.GuardianConsentedAt ?? default });
        var consentChange = string.IsNullOrEmpty(person.PersonKey) ? null : await consents.LatestChangeAsync(person.PersonKey, cancellationToken);
        return dates.Append(consentChange ?? default).Max();
    }

    private async Task<int> AnonymiseInactiveAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var due = new List<PersonRecords>();
        var filter = $"CreatedAt lt datetime'{cutoff.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}'";
        await foreach (var candidate in applicants.QueryAsync(filter, cancellationToken))
        {
            if (!seen.Add(string.IsNullOrEmpty(candidate.PersonKey) ? candidate.PartitionKey : candidate.PersonKey))
            {
                continue;
            }

            var person = await resolver.ResolvePersonAsync(candidate, cancellationToken);
            if (await LastActivityAsync(person, cancellationToken) < cutoff)
            {
                due.Add(person);
            }
        }

        if (due.Count == 0)
        {
            return 0;
        }

        await erasure.EraseAsync(due, ErasureReason.Retention, null, cancellationToken);
        return due.Count;
    }

    private async Task<int> DeleteUnconsentedChildrenAsync(DateTimeOffset requestedBefore, CancellationToken cancellationToken)
    {
        var stale = new List<ApplicantEntity>();
        var filter = TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.AwaitingGuardianConsent)} and CreatedAt lt {requestedBefore}");
        await foreach (var applicant in applicants.QueryAsync(filter, cancellationToken))
        {
            if (applicant.GuardianConsentedAt is null)
            {
                stale.Add(applicant);
            }
        }

        var deleted = 0;
        foreach (var applicant in stale)
        {
            var person = await resolver.ResolvePersonAsync(applicant, cancellationToken);
            if (person.Applicants.All(a => a.GuardianConsentedAt is null && a.Status == nameof(ApplicantStatus.AwaitingGuardianConsent)))
            {
                await erasure.EraseAsync([person], ErasureReason.GuardianConsentNotGiven, null, cancellationToken);
            }
            else
            {
                // Another sign-up of the same child was agreed to: only this one goes (its consents and answers are shared, and stay).
                await erasure.EraseAsync([new PersonRecords(string.Empty, [applicant])], ErasureReason.GuardianConsentNotGiven, null, cancellationToken);
            }

            deleted++;
        }

        return deleted;
    }

    private async Task<(int Expired, int Orphaned)> CleanOutboxAsync(DateTimeOffset expiredBefore, DateTimeOffset orphanedBefore, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.Containers.Outbox);
        if (!await container.ExistsAsync(cancellationToken))
        {
            return (0, 0);
        }

        int expired = 0, orphaned = 0;
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var created = CreatedAt(blob.Name) ?? blob.Properties.CreatedOn ?? DateTimeOffset.MaxValue;
            if (created < expiredBefore)
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                expired++;
                continue;
            }

            // An email handed over while its person was being erased: the person is gone, so is the copy.
            if (created < orphanedBefore
                && OutboxDataSource.ReadItem((await container.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken)).Value.Content) is { } item
                && ApplicantIds.IsWellFormed(item.ReferenceId)
                && await applicants.FindAsync(item.ReferenceId, cancellationToken) is null)
            {
                await container.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
                orphaned++;
            }
        }

        return (expired, orphaned);
    }

    private async Task<int> DeleteOrphanedConsentsAsync(DateTimeOffset changedBefore, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var personKey in await consents.PersonKeysAsync(cancellationToken))
        {
            // A key is a person's, or a sign-up's own (its applicant id: a guardian's consent, or an unverified sign-up's).
            var hasSignUp = ApplicantIds.IsWellFormed(personKey) && await applicants.FindAsync(personKey, cancellationToken) is not null;
            await foreach (var _ in applicants.QueryAsync(TableClient.CreateQueryFilter($"PersonKey eq {personKey}"), cancellationToken))
            {
                hasSignUp = true;
                break;
            }

            if (!hasSignUp && await consents.LatestChangeAsync(personKey, cancellationToken) is { } latest && latest < changedBefore)
            {
                deleted += await consents.DeleteAllAsync(personKey, cancellationToken);
            }
        }

        return deleted;
    }

    // Outbox blob names start with the inverted ticks of the time the email was handed over (see OutboxItem.BlobName).
    private static DateTimeOffset? CreatedAt(string blobName) =>
        blobName.Length > 19 && long.TryParse(blobName.AsSpan(0, 19), NumberStyles.None, CultureInfo.InvariantCulture, out var inverted)
            && DateTimeOffset.MaxValue.UtcTicks - inverted is var ticks && ticks >= DateTimeOffset.MinValue.UtcTicks
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Privacy retention: {People} people anonymised, {Children} unconsented under-16 sign-ups deleted, {Expired} outbox emails expired, {Orphaned} orphaned outbox emails, {Consents} orphaned consent rows, {Audit} audit entries expired")]
    private static partial void LogRun(ILogger logger, int people, int children, int expired, int orphaned, int consents, int audit);
}

public sealed record RetentionReport(int PeopleAnonymised, int UnconsentedChildSignUpsDeleted, int OutboxEmailsExpired, int OutboxEmailsOrphaned, int OrphanedConsentRows, int AuditEntriesExpired);
