namespace CareersPipeline.Core.Staff;

/// <summary>
/// A staff record as admins manage it. <paramref name="Id"/> is the Entra object id once the person has signed in
/// (or a seeded subject id), and "invite-..." while an invitation waits for its first sign-in. Only an active record
/// that is not a pending invitation lets anyone in.
/// </summary>
public sealed record StaffMember(
    string Id,
    string DisplayName,
    string? Email,
    IReadOnlySet<StaffRole> Roles,
    IReadOnlySet<string> EmployerCodes,
    bool Active,
    bool PendingInvitation,
    DateTimeOffset? InvitedAt,
    string? InvitedBy,
    DateTimeOffset? FirstSignedInAt)
{
    /// <summary>Counts towards "at least one admin": an admin who can sign in today.</summary>
    public bool IsEffectiveAdmin => Active && !PendingInvitation && Roles.Contains(StaffRole.Admin);

    public StaffPrincipal ToPrincipal() => new(Id, DisplayName, Roles, EmployerCodes);
}
