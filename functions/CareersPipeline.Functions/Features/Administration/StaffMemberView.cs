using CareersPipeline.Core.Staff;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>A staff record as the admin API shows it. <paramref name="Version"/> is its ETag, to send back in If-Match.</summary>
public sealed record StaffMemberView(
    string Id,
    string DisplayName,
    string? Email,
    IReadOnlyList<StaffRole> Roles,
    IReadOnlyList<string> EmployerCodes,
    bool Active,
    bool PendingInvitation,
    DateTimeOffset? InvitedAt,
    string? InvitedBy,
    DateTimeOffset? FirstSignedInAt,
    string Version)
{
    public static StaffMemberView Of(StaffMember m, string version) => new(
        m.Id, m.DisplayName, m.Email, [.. m.Roles.Order()], [.. m.EmployerCodes.Order(StringComparer.Ordinal)], m.Active, m.PendingInvitation, m.InvitedAt, m.InvitedBy, m.FirstSignedInAt, version);
}

/// <summary>An invitation as answered: the new record, and whether its email was handed over.</summary>
public sealed record InvitationView(StaffMemberView Member, bool Emailed);
