using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.People;

/// <summary>
/// The audit trail of staff access to people's records: who, when, which record, what action. PartitionKey = the
/// applicant id (the record), RowKey = inverted ticks, so a record's entries read newest first. Any feature can
/// write through <see cref="RecordAsync"/>; HTTP endpoints use the <c>.AuditPersonAccess(action)</c> filter.
/// When a person is erased their entries move to an "erased-{reference}" partition without the applicant id:
/// the accountability (who did what, when) survives, the link to the person does not.
/// </summary>
public sealed partial class PersonAccessAudit(TableServiceClient tables, TimeProvider time, ILogger<PersonAccessAudit> logger)
{
    public const string ErasedPrefix = "erased-";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Audit);

    public async Task RecordAsync(string applicantId, StaffPrincipal staff, string action, string? endpoint, CancellationToken cancellationToken)
    {
        var entity = NewEntry(applicantId, action, AuditActor.Staff, endpoint);
        entity.StaffSubjectId = staff.SubjectId;
        entity.StaffName = staff.DisplayName;
        entity.StaffRoles = string.Join(',', staff.Roles.Order());
        await _table.AddEntityAsync(entity, cancellationToken);
        LogRecorded(logger, applicantId, action, staff.SubjectId);
    }

    /// <summary>Entries about these records, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(IEnumerable<string> recordIds, CancellationToken cancellationToken)
    {
        var entries = new List<AuditEntry>();
        foreach (var id in recordIds)
        {
            await foreach (var row in _table.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            {
                entries.Add(row.ToEntry());
            }
        }

        return [.. entries.OrderByDescending(e => e.At)];
    }

    /// <summary>Moves the entries about these records under the erasure's reference, dropping the record ids.</summary>
    public async Task<int> AnonymiseAsync(IEnumerable<string> recordIds, string erasureReference, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var id in recordIds)
        {
            await foreach (var row in _table.QueryAsync<AuditEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id}"), cancellationToken: cancellationToken))
            {
                var copy = row.CopyTo(ErasedPrefix + erasureReference);
                await _table.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                moved++;
            }
        }

        return moved;
    }

    /// <summary>The erasure itself, under its anonymous reference: by whom (staff, the person, the retention policy), when, and how much.</summary>
    public async Task RecordErasureAsync(ErasureContext context, int people, int items, CancellationToken cancellationToken)
    {
        var actor = context.Reason switch
        {
            ErasureReason.StaffRequest => AuditActor.Staff,
            ErasureReason.Retention or ErasureReason.GuardianConsentNotGiven => AuditActor.RetentionPolicy,
            ErasureReason.GuardianWithdrawal => AuditActor.Guardian,
            _ => AuditActor.DataSubject,
        };
        var entity = NewEntry(ErasedPrefix + context.Reference, "Erased", actor, null);
        entity.StaffSubjectId = context.Staff?.SubjectId;
        entity.StaffName = context.Staff?.DisplayName;
        entity.StaffRoles = context.Staff is null ? null : string.Join(',', context.Staff.Roles.Order());
        entity.Detail = $"{context.Reason}: {people} person(s), {items} item(s) deleted or anonymised";
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deletes entries older than <paramref name="cutoff"/>; returns how many.</summary>
    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        var filter = $"At lt datetime'{cutoff.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}'";
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private AuditEntity NewEntry(string partition, string action, AuditActor actor, string? endpoint)
    {
        var now = time.GetUtcNow();
        return new AuditEntity
        {
            PartitionKey = partition,
            RowKey = $"{DateTimeOffset.MaxValue.UtcTicks - now.UtcTicks:D19}-{Guid.NewGuid():n}",
            At = now,
            Action = action,
            Actor = actor.ToString(),
            Endpoint = endpoint,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffSubjectId} {Action} applicant {ApplicantId}")]
    private static partial void LogRecorded(ILogger logger, string applicantId, string action, string staffSubjectId);

    private sealed class AuditEntity : ITableEntity
    {
        public string PartitionKey { get; set; } = string.Empty;
        public string RowKey { get; set; } = string.Empty;
        public DateTimeOffset? Timestamp { get; set; }
        public ETag ETag { get; set; }

        public DateTimeOffset At { get; set; }
        public string Action { get; set; } = string.Empty;
        public string Actor { get; set; } = string.Empty;
        public string? StaffSubjectId { get; set; }
        public string? StaffName { get; set; }
        public string? StaffRoles { get; set; }
        public string? Endpoint { get; set; }
        public string? Detail { get; set; }

        public AuditEntity CopyTo(string partition) => new()
        {
            PartitionKey = partition,
            RowKey = RowKey,
            At = At,
            Action = Action,
            Actor = Actor,
            StaffSubjectId = StaffSubjectId,
            StaffName = StaffName,
            StaffRoles = StaffRoles,
            Endpoint = Endpoint,
            Detail = Detail,
        };

        public AuditEntry ToEntry() => new(PartitionKey, At, Action, Enum.Parse<AuditActor>(Actor), StaffSubjectId, StaffName, StaffRoles, Endpoint, Detail);
    }
}
