using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Staff;

/// <summary>
/// Who the staff are: roles and employer scope by the subject id of their Entra ID account (the object id).
/// Sign-in proves who someone is; this directory, kept by admins, says what they may do.
/// PartitionKey = "staff", RowKey = subject id (lower case), or "invite-{hash of the email}" for an invitation that
/// waits for its first sign-in.
/// <para>
/// Every write is one transaction with the partition's guard row (<see cref="GuardRow"/>), written with the ETag it
/// was read at. A change that could leave no admin counts the admins after reading the guard; any other write in the
/// meantime moved the guard, so the transaction fails and the change is decided again. That is what stops two admins
/// demoting each other at once from leaving none: Table Storage has no lock, but it has transactions in a partition.
/// </para>
/// </summary>
public sealed partial class StaffDirectory(TableServiceClient tables, TimeProvider time, IOptions<StaffOptions> options, ILogger<StaffDirectory> logger)
{
    public const string InvitePrefix = "invite-";
    private const string Partition = "staff";
    private const string GuardRow = "~guard";
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.StaffUsers);

    /// <summary>The signed-in member of staff by subject id: null when unknown, deactivated or still only invited.</summary>
    public async Task<StaffPrincipal?> FindAsync(string subjectId, CancellationToken cancellationToken) =>
        (await GetAsync(subjectId, cancellationToken))?.Value is { Active: true, PendingInvitation: false } member ? member.ToPrincipal() : null;

    /// <summary>
    /// Sign-in: by subject id; failing that, the first sign-in of an invited email address (the invitation becomes the
    /// person's record under their object id), or of a bootstrap admin while there is no admin at all.
    /// </summary>
    public async Task<StaffPrincipal?> SignInAsync(StaffSignIn signIn, CancellationToken cancellationToken)
    {
        if (!IsKey(signIn.SubjectId))
        {
            return null;
        }

        var known = await GetAsync(signIn.SubjectId, cancellationToken);
        if (known is not null || string.IsNullOrWhiteSpace(signIn.Email))
        {
            return known?.Value is { Active: true, PendingInvitation: false } member ? member.ToPrincipal() : null;
        }

        var email = signIn.Email.Trim().ToLowerInvariant();
        try
        {
            return await ETagRetry.RunAsync(ct => FirstSignInAsync(signIn.SubjectId.ToLowerInvariant(), email, ct), cancellationToken);
        }
        catch (ETagConflictException)
        {
            return null;
        }
    }

    public async Task<Versioned<StaffMember>?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsKey(id) || id == GuardRow)
        {
            return null;
        }

        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id.ToLowerInvariant(), cancellationToken: cancellationToken);
        return response.HasValue ? new Versioned<StaffMember>(ToMember(response.Value!), response.Value!.ETag) : null;
    }

    /// <summary>Every staff record and invitation, by display name.</summary>
    public async Task<IReadOnlyList<Versioned<StaffMember>>> ListMembersAsync(CancellationToken cancellationToken)
    {
        var result = new List<Versioned<StaffMember>>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            if (entity.RowKey != GuardRow)
            {
                result.Add(new Versioned<StaffMember>(ToMember(entity), entity.ETag));
            }
        }

        return [.. result.OrderBy(m => m.Value.DisplayName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Everyone who can sign in (the local development sign-in lists them).</summary>
    public async Task<IReadOnlyList<StaffPrincipal>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await ListMembersAsync(cancellationToken)).Where(m => m.Value is { Active: true, PendingInvitation: false }).Select(m => m.Value.ToPrincipal())];

    /// <summary>Seeding and tests: writes a member as given, active. It moves the guard, so a change decided meanwhile is decided again.</summary>
    public async Task UpsertAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        var entity = ToEntity(new StaffMember(staff.SubjectId.ToLowerInvariant(), staff.DisplayName, null, staff.Roles, staff.EmployerCodes, true, false, null, null, null));
        await _table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity), GuardTouch(ETag.All)], cancellationToken);
    }

    /// <summary>An invitation: a pending record matched by its email address at the person's first sign-in.</summary>
    public async Task<Result<Versioned<StaffMember>>> InviteAsync(string email, StaffChange access, string invitedBy, CancellationToken cancellationToken)
    {
        var address = email.Trim().ToLowerInvariant();
        var member = new StaffMember(InviteKey(address), access.DisplayName, address, access.Roles, Normalise(access.EmployerCodes), true, true, time.GetUtcNow(), invitedBy, null);
        return await ETagRetry.RunAsync<Result<Versioned<StaffMember>>>(
            async ct =>
            {
                var guard = await GuardAsync(ct);
                if ((await ListMembersAsync(ct)).Any(m => string.Equals(m.Value.Email, address, StringComparison.Ordinal)))
                {
                    return new Result<Versioned<StaffMember>>.Conflict("Someone with this email address is already in the staff directory or invited.");
                }

                var response = await _table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, ToEntity(member)), GuardTouch(guard)], ct);
                return new Result<Versioned<StaffMember>>.Ok(new Versioned<StaffMember>(member, response.Value[0].Headers.ETag ?? ETag.All));
            },
            cancellationToken);
    }

    /// <summary>
    /// Changes roles, organisations, name or active state, only from the version the admin read
    /// (<paramref name="ifMatch"/>), and never so that no active admin is left.
    /// </summary>
    public async Task<Result<Versioned<StaffMember>>> ChangeAsync(string id, ETag ifMatch, StaffChange change, CancellationToken cancellationToken)
    {
        return await ETagRetry.RunAsync<Result<Versioned<StaffMember>>>(
            async ct =>
            {
                var guard = await GuardAsync(ct);
                if (await GetAsync(id, ct) is not { } current)
                {
                    return new Result<Versioned<StaffMember>>.NotFound("There is no member of staff with this id.");
                }

                if (current.ETag != ifMatch)
                {
                    return new Result<Versioned<StaffMember>>.Stale("This staff record was changed by someone else since you read it. Read it again and redo your change.");
                }

                var changed = current.Value with { DisplayName = change.DisplayName, Roles = change.Roles, EmployerCodes = Normalise(change.EmployerCodes), Active = change.Active };
                if (current.Value.IsEffectiveAdmin && !changed.IsEffectiveAdmin
                    && (await ListMembersAsync(ct)).Count(m => m.Value.IsEffectiveAdmin) <= 1)
                {
                    return new Result<Versioned<StaffMember>>.Conflict("This is the last active admin: give someone else the admin role first.");
                }

                var response = await _table.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(changed), current.ETag), GuardTouch(guard)], ct);
                LogChanged(logger, current.Value.Id, changed.IsEffectiveAdmin, changed.Active);
                return new Result<Versioned<StaffMember>>.Ok(new Versioned<StaffMember>(changed, response.Value[0].Headers.ETag ?? ETag.All));
            },
            cancellationToken);
    }

    private async Task<StaffPrincipal?> FirstSignInAsync(string subjectId, string email, CancellationToken cancellationToken)
    {
        var guard = await GuardAsync(cancellationToken);
        if (await GetAsync(subjectId, cancellationToken) is { } racedIn)
        {
            // A parallel request of the same first sign-in claimed it a moment ago.
            return racedIn.Value is { Active: true, PendingInvitation: false } member ? member.ToPrincipal() : null;
        }

        var now = time.GetUtcNow();
        if (await GetAsync(InviteKey(email), cancellationToken) is { Value.Active: true } invitation)
        {
            var claimed = invitation.Value with { Id = subjectId, PendingInvitation = false, FirstSignedInAt = now };
            await _table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.Add, ToEntity(claimed)),
                    new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(Partition, invitation.Value.Id), invitation.ETag),
                    GuardTouch(guard),
                ],
                cancellationToken);
            LogInvitationClaimed(logger, subjectId);
            return claimed.ToPrincipal();
        }

        if (!options.Value.BootstrapAdminEmails.Contains(email, StringComparer.Ordinal)
            || (await ListMembersAsync(cancellationToken)).Any(m => m.Value.IsEffectiveAdmin))
        {
            return null;
        }

        var admin = new StaffMember(subjectId, email, email, new HashSet<StaffRole> { StaffRole.Admin }, new HashSet<string>(), true, false, null, "bootstrap:BOOTSTRAP_ADMIN_EMAILS", now);
        await _table.SubmitTransactionAsync([new TableTransactionAction(TableTransactionActionType.Add, ToEntity(admin)), GuardTouch(guard)], cancellationToken);
        LogBootstrapAdmin(logger, subjectId);
        return admin.ToPrincipal();
    }

    /// <summary>The guard row's current ETag, creating the row the first time.</summary>
    private async Task<ETag> GuardAsync(CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, GuardRow, cancellationToken: cancellationToken);
        if (response.HasValue)
        {
            return response.Value!.ETag;
        }

        await _table.UpsertEntityAsync(new TableEntity(Partition, GuardRow), TableUpdateMode.Merge, cancellationToken);
        return (await _table.GetEntityAsync<TableEntity>(Partition, GuardRow, cancellationToken: cancellationToken)).Value.ETag;
    }

    private TableTransactionAction GuardTouch(ETag readAt) =>
        new(readAt == ETag.All ? TableTransactionActionType.UpsertReplace : TableTransactionActionType.UpdateReplace,
            new TableEntity(Partition, GuardRow) { ["ChangedAt"] = time.GetUtcNow() },
            readAt);

    private static string InviteKey(string email) =>
        InvitePrefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..32];

    private static bool IsKey(string id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 256 && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static HashSet<string> Normalise(IEnumerable<string> codes) =>
        codes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static TableEntity ToEntity(StaffMember member) => new(Partition, member.Id.ToLowerInvariant())
    {
        ["DisplayName"] = member.DisplayName,
        ["Email"] = member.Email,
        ["Roles"] = string.Join(',', member.Roles.Order()),
        ["EmployerCodes"] = string.Join(',', member.EmployerCodes.Order(StringComparer.Ordinal)),
        ["Active"] = member.Active,
        ["PendingInvitation"] = member.PendingInvitation,
        ["InvitedAt"] = member.InvitedAt,
        ["InvitedBy"] = member.InvitedBy,
        ["FirstSignedInAt"] = member.FirstSignedInAt,
    };

    // Rows written before these columns existed are active members (the seeder wrote only the first three).
    private static StaffMember ToMember(TableEntity entity) => new(
        entity.RowKey,
        entity.GetString("DisplayName") ?? entity.RowKey,
        entity.GetString("Email"),
        Split(entity.GetString("Roles")).Select(r => Enum.TryParse<StaffRole>(r, out var role) ? role : (StaffRole?)null).OfType<StaffRole>().ToHashSet(),
        Split(entity.GetString("EmployerCodes")).Select(c => c.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal),
        entity.GetBoolean("Active") ?? true,
        entity.GetBoolean("PendingInvitation") ?? false,
        entity.GetDateTimeOffset("InvitedAt"),
        entity.GetString("InvitedBy"),
        entity.GetDateTimeOffset("FirstSignedInAt"));

    private static string[] Split(string? csv) => (csv ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} changed: admin {Admin}, active {Active}")]
    private static partial void LogChanged(ILogger logger, string staffId, bool admin, bool active);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffId} signed in for the first time and took up their invitation")]
    private static partial void LogInvitationClaimed(ILogger logger, string staffId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff {StaffId} became the first admin from BOOTSTRAP_ADMIN_EMAILS (the directory had no active admin)")]
    private static partial void LogBootstrapAdmin(ILogger logger, string staffId);
}
