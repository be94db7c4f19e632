using System.Globalization;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Cases and their timelines, one partition per person: PartitionKey = applicant id, RowKey "case" for the case and
/// "e-{newest first}-{random}" for each timeline line. A change to a case and its timeline line are one transaction,
/// written with the ETag the adviser read, so a stale save changes nothing. (Team memberships share the table, in the
/// partition <see cref="AdviserTeams.Partition"/>.)
/// </summary>
public sealed class CaseStore(TableServiceClient tables)
{
    public const string CaseRow = "case";
    private const string EntryPrefix = "e-";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Cases);

    public async Task<Versioned<CaseRecord>?> GetAsync(string applicantId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(applicantId, CaseRow, cancellationToken: cancellationToken);
        return response.HasValue ? new Versioned<CaseRecord>(ToCase(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>The case (when there is one) and its timeline, newest first, in one partition read.</summary>
    public async Task<(Versioned<CaseRecord>? Case, IReadOnlyList<CaseEntry> Timeline)> ReadAsync(string applicantId, CancellationToken cancellationToken)
    {
        Versioned<CaseRecord>? found = null;
        var timeline = new List<CaseEntry>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Equal("PartitionKey", applicantId), cancellationToken: cancellationToken))
        {
            if (row.RowKey == CaseRow)
            {
                found = new Versioned<CaseRecord>(ToCase(row), row.ETag);
            }
            else if (row.RowKey.StartsWith(EntryPrefix, StringComparison.Ordinal))
            {
                timeline.Add(ToEntry(row));
            }
        }

        return (found, timeline);
    }

    /// <summary>Cases whose rows match <paramref name="filter"/> (null for every case).</summary>
    public async Task<IReadOnlyList<Versioned<CaseRecord>>> ListAsync(string? filter, CancellationToken cancellationToken)
    {
        var cases = new List<Versioned<CaseRecord>>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.And(TableFilters.Equal("RowKey", CaseRow), filter), cancellationToken: cancellationToken))
        {
            cases.Add(new Versioned<CaseRecord>(ToCase(row), row.ETag));
        }

        return cases;
    }

    /// <summary>A new case with its first timeline line; null when the person already has a case (someone took them first).</summary>
    public async Task<ETag?> AddAsync(CaseRecord record, CaseEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, ToEntity(record)), new TableTransactionAction(TableTransactionActionType.Add, ToEntity(record.ApplicantId, entry))],
                cancellationToken);
            return response.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces the case, only at <paramref name="ifMatch"/>, and adds its timeline line; null when someone saved first.</summary>
    public async Task<ETag?> SaveAsync(CaseRecord record, ETag ifMatch, CaseEntry? entry, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, ToEntity(record), ifMatch) };
        if (entry is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, ToEntity(record.ApplicantId, entry)));
        }

        try
        {
            var response = await _table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag;
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>A timeline line for someone without a case (an engaged contact).</summary>
    public async Task AddEntryAsync(string applicantId, CaseEntry entry, CancellationToken cancellationToken) =>
        await _table.AddEntityAsync(ToEntity(applicantId, entry), cancellationToken);

    /// <summary>Every row of the person's partition: their case and timeline, notes and all. Returns how many rows went.</summary>
    public async Task<int> DeleteAllAsync(string applicantId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Equal("PartitionKey", applicantId), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                deleted++;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Gone already: erasure running twice is fine.
            }
        }

        return deleted;
    }

    /// <summary>Every timeline line of the given kind across all people, for programme counts and reminder runs.</summary>
    public async Task<IReadOnlyList<(string ApplicantId, CaseEntry Entry)>> EntriesOfKindAsync(CaseEntryKind kind, CancellationToken cancellationToken)
    {
        var entries = new List<(string, CaseEntry)>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Equal("Kind", kind.ToString()), select: ["PartitionKey", "RowKey", "Kind", "RecordedAt", "RecordedBy", "On", "Type"], cancellationToken: cancellationToken))
        {
            entries.Add((row.PartitionKey, ToEntry(row)));
        }

        return entries;
    }

    public static string NewEntryId(DateTimeOffset at) =>
        EntryPrefix + (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    private static TableEntity ToEntity(CaseRecord c) => new(c.ApplicantId, CaseRow)
    {
        ["Status"] = c.Status.ToString(),
        ["OwnerId"] = c.OwnerId,
        ["Team"] = c.Team,
        ["SharedWithTeam"] = c.SharedWithTeam,
        ["SignedUpAt"] = c.SignedUpAt,
        ["TakenAt"] = c.TakenAt,
        ["FirstContactAt"] = c.FirstContactAt,
        ["AutomaticRoute"] = c.AutomaticRoute?.ToString(),
        ["RouteOverride"] = c.RouteOverride?.ToString(),
        ["NextAction"] = c.NextAction,
        ["NextActionDue"] = c.NextActionDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["EmployedFrom"] = c.EmployedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Outcomes"] = string.Join(',', c.Outcomes.Order()),
        ["ClosedReason"] = c.ClosedReason,
        ["LastChange"] = c.LastChange,
        ["LastChangedBy"] = c.LastChangedBy,
        ["UpdatedAt"] = c.UpdatedAt,
    };

    private static CaseRecord ToCase(TableEntity e) => new(
        e.PartitionKey,
        Enum.Parse<CaseStatus>(e.GetString("Status")),
        e.GetString("OwnerId") ?? string.Empty,
        e.GetString("Team"),
        e.GetBoolean("SharedWithTeam") ?? false,
        e.GetDateTimeOffset("SignedUpAt") ?? default,
        e.GetDateTimeOffset("TakenAt") ?? default,
        e.GetDateTimeOffset("FirstContactAt"),
        Parse<JourneyRoute>(e.GetString("AutomaticRoute")),
        Parse<JourneyRoute>(e.GetString("RouteOverride")),
        e.GetString("NextAction"),
        Date(e.GetString("NextActionDue")),
        Date(e.GetString("EmployedFrom")),
        (e.GetString("Outcomes") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<OutcomeType>).ToHashSet(),
        e.GetString("ClosedReason"),
        e.GetString("LastChange") ?? string.Empty,
        e.GetString("LastChangedBy") ?? string.Empty,
        e.GetDateTimeOffset("UpdatedAt") ?? default);

    private static TableEntity ToEntity(string applicantId, CaseEntry entry) => new(applicantId, entry.Id)
    {
        ["Kind"] = entry.Kind.ToString(),
        ["RecordedAt"] = entry.RecordedAt,
        ["RecordedBy"] = entry.RecordedBy,
        ["On"] = entry.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["Type"] = entry.Type,
        ["Minutes"] = entry.Minutes,
        ["Notes"] = entry.Notes,
        ["Employer"] = entry.Employer,
        ["Role"] = entry.Role,
        ["Detail"] = entry.Detail,
    };

    private static CaseEntry ToEntry(TableEntity e) => new(
        e.RowKey,
        Enum.Parse<CaseEntryKind>(e.GetString("Kind")),
        e.GetDateTimeOffset("RecordedAt") ?? default,
        e.GetString("RecordedBy") ?? string.Empty,
        Date(e.GetString("On")) ?? default,
        e.GetString("Type"),
        e.GetInt32("Minutes"),
        e.GetString("Notes"),
        e.GetString("Employer"),
        e.GetString("Role"),
        e.GetString("Detail"));

    private static T? Parse<T>(string? value)
        where T : struct, Enum => Enum.TryParse<T>(value, out var parsed) ? parsed : null;

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
}
