using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Which outreach team each adviser is in, and who leads it. Kept by this feature (PartitionKey "~teams" of the Cases
/// table, RowKey = staff subject id, lower case) rather than in the staff directory, because only case management
/// uses teams; admins set them through the API.
/// </summary>
public sealed partial class AdviserTeams(TableServiceClient tables)
{
    public const string Partition = "~teams";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Cases);

    public static bool IsTeamName(string? team) => team is not null && TeamName().IsMatch(team);

    public async Task<TeamMembership?> OfAsync(string staffId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, staffId.ToLowerInvariant(), cancellationToken: cancellationToken);
        return response.HasValue ? ToMembership(response.Value!) : null;
    }

    public async Task<IReadOnlyList<TeamMembership>> ListAsync(CancellationToken cancellationToken)
    {
        var members = new List<TeamMembership>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Equal("PartitionKey", Partition), cancellationToken: cancellationToken))
        {
            members.Add(ToMembership(row));
        }

        return members;
    }

    /// <summary>An admin puts a member of staff in a team (or makes them its lead).</summary>
    public async Task<Result<TeamMembership>> ChangeAsync(StaffPrincipal admin, string staffId, TeamInput input, CancellationToken cancellationToken)
    {
        if (!admin.Roles.Contains(StaffRole.Admin))
        {
            return new Result<TeamMembership>.Forbidden("Only admins change teams.");
        }

        if (!IsTeamName(input.Team?.Trim()))
        {
            return new Result<TeamMembership>.Invalid(new Dictionary<string, string[]> { ["team"] = ["Give the team's name: lower-case letters, digits and hyphens, up to 40."] });
        }

        var membership = new TeamMembership(staffId.ToLowerInvariant(), input.Team!.Trim(), input.Lead ?? false);
        await SetAsync(membership, cancellationToken);
        return new Result<TeamMembership>.Ok(membership);
    }

    public async Task SetAsync(TeamMembership membership, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            new TableEntity(Partition, membership.StaffId.ToLowerInvariant()) { ["Team"] = membership.Team, ["Lead"] = membership.Lead },
            TableUpdateMode.Replace,
            cancellationToken);

    private static TeamMembership ToMembership(TableEntity row) => new(row.RowKey, row.GetString("Team") ?? string.Empty, row.GetBoolean("Lead") ?? false);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex TeamName();
}
