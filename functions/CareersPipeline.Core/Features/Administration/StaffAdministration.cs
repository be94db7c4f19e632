using Azure;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;
using Microsoft.Extensions.Logging;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// Admins managing staff: list, invite by email, change roles, organisations and name, deactivate. The checks are
/// here; the directory keeps the last-admin rule and the versions (it alone knows every writer).
/// </summary>
public sealed partial class StaffAdministration(
    StaffDirectory directory,
    ReferenceDataStore referenceData,
    StaffInvitationComposer composer,
    Mailer mailer,
    ILogger<StaffAdministration> logger)
{
    public const int MaxNameLength = 100;

    public Task<IReadOnlyList<Versioned<StaffMember>>> ListAsync(CancellationToken cancellationToken) => directory.ListMembersAsync(cancellationToken);

    public async Task<Result<Versioned<StaffMember>>> GetAsync(string id, CancellationToken cancellationToken) =>
        await directory.GetAsync(id, cancellationToken) is { } member
            ? new Result<Versioned<StaffMember>>.Ok(member)
            : new Result<Versioned<StaffMember>>.NotFound("There is no member of staff with this id.");

    public async Task<Result<InvitationOutcome>> InviteAsync(StaffPrincipal admin, StaffInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var email = input.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add("email", "Enter the email address they sign in with.");
        }
        else if (!EmailAddresses.IsValid(email))
        {
            errors.Add("email", EmailAddresses.FormatMessage);
        }

        var change = await CheckAsync(input with { Active = true }, errors, cancellationToken);
        if (change is null)
        {
            return new Result<InvitationOutcome>.Invalid(errors.ToDictionary());
        }

        var invited = await directory.InviteAsync(email!, change, admin.SubjectId, cancellationToken);
        if (invited is not Result<Versioned<StaffMember>>.Ok ok)
        {
            return invited.Map(m => new InvitationOutcome(m, false));
        }

        var emailed = true;
        try
        {
            await mailer.SendAsync(composer.Compose(ok.Value.Value, admin.DisplayName), cancellationToken);
        }
        catch (EmailNotAcceptedException e)
        {
            // The invitation stands (it is matched at sign-in whatever happens to the email); the admin is told.
            LogInvitationNotSent(logger, ok.Value.Value.Id, e.StatusCode);
            emailed = false;
        }

        return new Result<InvitationOutcome>.Ok(new InvitationOutcome(ok.Value, emailed));
    }

    public async Task<Result<Versioned<StaffMember>>> ChangeAsync(string id, ETag ifMatch, StaffInput input, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        if (input.Active is null)
        {
            errors.Add("active", "Say whether they may sign in (true) or are deactivated (false).");
        }

        var change = await CheckAsync(input, errors, cancellationToken);
        return change is null
            ? new Result<Versioned<StaffMember>>.Invalid(errors.ToDictionary())
            : await directory.ChangeAsync(id, ifMatch, change, cancellationToken);
    }

    /// <summary>Deactivates from the version read: they can no longer sign in, and their record stays for the audit trail.</summary>
    public async Task<Result<Versioned<StaffMember>>> DeactivateAsync(string id, ETag ifMatch, CancellationToken cancellationToken)
    {
        if (await directory.GetAsync(id, cancellationToken) is not { } current)
        {
            return new Result<Versioned<StaffMember>>.NotFound("There is no member of staff with this id.");
        }

        var member = current.Value;
        return await directory.ChangeAsync(id, ifMatch, new StaffChange(member.DisplayName, member.Roles, member.EmployerCodes, Active: false), cancellationToken);
    }

    private async Task<StaffChange?> CheckAsync(StaffInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        var name = input.DisplayName?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add("displayName", "Enter their name.");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add("displayName", $"The name must be {MaxNameLength} characters or fewer.");
        }

        var roles = new HashSet<StaffRole>();
        foreach (var role in input.Roles ?? [])
        {
            if (Enum.TryParse<StaffRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _))
            {
                roles.Add(parsed);
            }
            else
            {
                errors.Add("roles", $"'{role}' is not a role. Roles: {string.Join(", ", Enum.GetNames<StaffRole>())}.");
            }
        }

        if (input.Roles is null || input.Roles.Count == 0)
        {
            errors.Add("roles", "Give them at least one role.");
        }

        var codes = (input.EmployerCodes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var code in codes)
        {
            if (await referenceData.FindAsync(ReferenceKind.Employer, code, cancellationToken) is null)
            {
                errors.Add("employerCodes", $"There is no organisation with the code '{code}'.");
            }
        }

        if (roles.Contains(StaffRole.Employer) && codes.Count == 0)
        {
            errors.Add("employerCodes", "An employer acts for at least one organisation: give its code.");
        }

        return errors.IsEmpty ? new StaffChange(name!, roles, codes, input.Active ?? true) : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation email for staff {StaffId} was not accepted (HTTP {Status}); the invitation stands")]
    private static partial void LogInvitationNotSent(ILogger logger, string staffId, int status);
}
