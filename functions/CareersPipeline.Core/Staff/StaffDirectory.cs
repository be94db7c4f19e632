using Azure.Data.Tables;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Staff;

/// <summary>
/// Who the staff are: roles and employer scope by the subject id of their Entra ID account (the object id).
/// Sign-in proves who someone is; this directory, kept by admins, says what they may do.
/// PartitionKey = "staff", RowKey = subject id (lower case).
/// </summary>
public sealed class StaffDirectory(TableServiceClient tables)
{
    private const string Partition = "staff";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.StaffUsers);

    public async Task<StaffPrincipal?> FindAsync(string subjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(subjectId) || subjectId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, subjectId.ToLowerInvariant(), cancellationToken: cancellationToken);
        if (!response.HasValue)
        {
            return null;
        }

        var entity = response.Value!;
        return new StaffPrincipal(
            entity.RowKey,
            entity.GetString("DisplayName") ?? entity.RowKey,
            Split(entity.GetString("Roles")).Select(Enum.Parse<StaffRole>).ToHashSet(),
            Split(entity.GetString("EmployerCodes")).Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal));
    }

    public async Task UpsertAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, staff.SubjectId.ToLowerInvariant())
        {
            ["DisplayName"] = staff.DisplayName,
            ["Roles"] = string.Join(',', staff.Roles),
            ["EmployerCodes"] = string.Join(',', staff.EmployerCodes),
        };
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<StaffPrincipal>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<StaffPrincipal>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            result.Add((await FindAsync(entity.RowKey, cancellationToken))!);
        }

        return result;
    }

    private static string[] Split(string? csv) => (csv ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
