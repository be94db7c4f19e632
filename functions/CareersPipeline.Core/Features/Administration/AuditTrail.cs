using Azure.Data.Tables;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// Reads the staff access audit trail that <see cref="PersonAccessAudit"/> writes, for admins: filtered on the server
/// by person (the partition), member of staff and date, paged with the table's continuation tokens, so a page reads
/// only its rows. With a person the entries are newest first (the row keys are inverted times); across people they
/// come a person at a time.
/// </summary>
public sealed class AuditTrail(TableServiceClient tables)
{
    public const int MaxPageSize = 200;
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Audit);

    public static IReadOnlyDictionary<string, string[]>? Check(AuditQuery query)
    {
        var errors = new ValidationErrors();
        if (query.PageSize is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"The page size is from 1 to {MaxPageSize}.");
        }

        if (query.From > query.To)
        {
            errors.Add("to", "The end date must be on or after the start date.");
        }

        if (query.ApplicantId is { } id && !IsKey(id))
        {
            errors.Add("applicantId", "This is not an applicant id.");
        }

        return errors.IsEmpty ? null : errors.ToDictionary();
    }

    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var filter = TableFilters.And(
            query.ApplicantId is { } id ? TableFilters.Equal("PartitionKey", id) : null,
            query.StaffId is { } staff ? TableFilters.Equal("StaffSubjectId", staff) : null,
            query.From is { } from ? TableClient.CreateQueryFilter($"At ge {new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)}") : null,
            query.To is { } to ? TableClient.CreateQueryFilter($"At lt {new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)}") : null);

        // A filtered scan can answer an empty page with a token (it stopped at a partition boundary): read on until
        // there are entries or no more pages.
        var continuation = query.Continuation;
        while (true)
        {
            await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: query.PageSize, cancellationToken: cancellationToken).AsPages(continuation, query.PageSize))
            {
                continuation = page.ContinuationToken;
                if (page.Values.Count > 0 || continuation is null)
                {
                    return new AuditPage([.. page.Values.Select(ToEntry)], continuation);
                }

                break;
            }

            if (continuation is null)
            {
                return new AuditPage([], null);
            }
        }
    }

    private static bool IsKey(string id) => id.Length is > 0 and <= 256 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static AuditEntry ToEntry(TableEntity e) => new(
        e.PartitionKey,
        e.GetDateTimeOffset("At") ?? default,
        e.GetString("Action") ?? string.Empty,
        Enum.TryParse<AuditActor>(e.GetString("Actor"), out var actor) ? actor : AuditActor.Staff,
        e.GetString("StaffSubjectId"),
        e.GetString("StaffName"),
        e.GetString("StaffRoles"),
        e.GetString("Endpoint"),
        e.GetString("Detail"));
}
