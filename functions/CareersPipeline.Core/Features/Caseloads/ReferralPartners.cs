using System.Globalization;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// The partner organisations that refer people, and their signed links. Kept by this feature (PartitionKey
/// "~partners" of the Cases table, RowKey the partner's code), like teams, because only case management uses them;
/// admins manage them through the API and the partners page. A link is a <see cref="SignedTokens"/> token for
/// "{code}:{link version}" that does not expire: it is revoked by bumping the version, not by waiting.
/// </summary>
public sealed partial class ReferralPartners(TableServiceClient tables, SignedTokens tokens, IOptions<PipelineOptions> options, TimeProvider time)
{
    public const string Partition = "~partners";
    public const string TokenPurpose = "partner-referral";
    public const string ReferPath = "/api/referrals/";
    private static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(3650);
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Cases);

    public static bool IsCode(string? code) => code is not null && Code().IsMatch(code);

    public async Task<IReadOnlyList<ReferralPartner>> ListAsync(CancellationToken cancellationToken)
    {
        var partners = new List<ReferralPartner>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableFilters.Equal("PartitionKey", Partition), cancellationToken: cancellationToken))
        {
            partners.Add(ToPartner(row));
        }

        return [.. partners.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public async Task<ReferralPartner?> FindAsync(string code, CancellationToken cancellationToken)
    {
        if (!IsCode(code))
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, code, cancellationToken: cancellationToken);
        return response.HasValue ? ToPartner(response.Value!) : null;
    }

    /// <summary>Admins: names a partner (a new one gets its first link), or stops or restarts its referrals.</summary>
    public async Task<Result<PartnerLink>> SaveAsync(StaffPrincipal admin, string code, PartnerInput input, CancellationToken cancellationToken)
    {
        if (!admin.Roles.Contains(StaffRole.Admin))
        {
            return new Result<PartnerLink>.Forbidden("Only admins manage referral partners.");
        }

        var errors = new ValidationErrors();
        if (!IsCode(code))
        {
            errors.Add("code", "Give the partner a code: lower-case letters, digits and hyphens, up to 40.");
        }

        var name = FieldChecks.Text(errors, "name", input.Name, 120, required: true);
        if (!errors.IsEmpty)
        {
            return new Result<PartnerLink>.Invalid(errors.ToDictionary());
        }

        var current = await FindAsync(code, cancellationToken);
        var partner = new ReferralPartner(code, name!, current?.LinkVersion ?? 1, input.Active ?? current?.Active ?? true, time.GetUtcNow());
        await WriteAsync(partner, cancellationToken);
        return new Result<PartnerLink>.Ok(LinkOf(partner));
    }

    /// <summary>Admins: every link given out so far stops working; the answer carries the partner's new link.</summary>
    public async Task<Result<PartnerLink>> RevokeLinkAsync(StaffPrincipal admin, string code, CancellationToken cancellationToken)
    {
        if (!admin.Roles.Contains(StaffRole.Admin))
        {
            return new Result<PartnerLink>.Forbidden("Only admins manage referral partners.");
        }

        if (await FindAsync(code, cancellationToken) is not { } current)
        {
            return new Result<PartnerLink>.NotFound("There is no referral partner with that code.");
        }

        var partner = current with { LinkVersion = current.LinkVersion + 1, UpdatedAt = time.GetUtcNow() };
        await WriteAsync(partner, cancellationToken);
        return new Result<PartnerLink>.Ok(LinkOf(partner));
    }

    public PartnerLink LinkOf(ReferralPartner partner) =>
        new(partner, options.Value.PublicBaseUrl.TrimEnd('/') + ReferPath + tokens.Create(TokenPurpose, $"{partner.Code}:{partner.LinkVersion.ToString(CultureInfo.InvariantCulture)}", LinkLifetime));

    /// <summary>The partner a link belongs to, when the link is genuine, current (not revoked) and the partner active.</summary>
    public async Task<ReferralPartner?> ReadLinkAsync(string? token, CancellationToken cancellationToken)
    {
        var check = tokens.Read(TokenPurpose, token);
        if (check.State != TokenState.Valid || check.Subject?.Split(':') is not [var code, var version]
            || await FindAsync(code, cancellationToken) is not { Active: true } partner
            || version != partner.LinkVersion.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return partner;
    }

    private async Task WriteAsync(ReferralPartner partner, CancellationToken cancellationToken) =>
        await _table.UpsertEntityAsync(
            new TableEntity(Partition, partner.Code) { ["Name"] = partner.Name, ["LinkVersion"] = partner.LinkVersion, ["Active"] = partner.Active, ["UpdatedAt"] = partner.UpdatedAt },
            TableUpdateMode.Replace,
            cancellationToken);

    private static ReferralPartner ToPartner(TableEntity row) =>
        new(row.RowKey, row.GetString("Name") ?? row.RowKey, row.GetInt32("LinkVersion") ?? 1, row.GetBoolean("Active") ?? true, row.GetDateTimeOffset("UpdatedAt") ?? default);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex Code();
}
