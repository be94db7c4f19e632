using Azure.Data.Tables;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// Whether anything names a code, so that deleting it would leave records pointing at nothing: a sign-up through
/// that school, event or programme door; for an employer, a member of staff acting for it or an opportunity of its.
/// Each check stops at the first row it finds (deleting is rare; these are filtered scans).
/// </summary>
public sealed class ReferenceUsage(TableServiceClient tables, StaffDirectory staff)
{
    public async Task<string?> InUseByAsync(ReferenceKind kind, string code, CancellationToken cancellationToken)
    {
        code = code.ToUpperInvariant();
        if (kind == ReferenceKind.Employer)
        {
            if ((await staff.ListMembersAsync(cancellationToken)).Any(m => m.Value.EmployerCodes.Contains(code)))
            {
                return "a member of staff acts for this organisation";
            }

            return await AnyAsync(StorageNames.Tables.Opportunities, TableFilters.Equal(nameof(OpportunityEntity.EmployerCode), code), cancellationToken)
                ? "opportunities are published for this organisation"
                : null;
        }

        var door = kind switch
        {
            ReferenceKind.School => Door.School,
            ReferenceKind.Event => Door.Event,
            _ => Door.Programme,
        };
        var filter = TableFilters.And(TableFilters.Equal(nameof(ApplicantEntity.Door), door.ToString()), TableFilters.Equal(nameof(ApplicantEntity.DoorCode), code))!;
        return await AnyAsync(StorageNames.Tables.Applicants, filter, cancellationToken) ? "people have signed up with this code" : null;
    }

    private async Task<bool> AnyAsync(string table, string filter, CancellationToken cancellationToken)
    {
        await foreach (var page in tables.GetTableClient(table).QueryAsync<TableEntity>(filter, maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return true;
            }
        }

        return false;
    }
}
