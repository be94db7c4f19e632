using CareersPipeline.Core.Staff;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Who may see and change a case: an admin every case; the owner their own; a team lead every case of their team; any
/// other adviser of the team only the cases shared with it. Everything else is "not found", so ids guessed from
/// another team's caseload tell nothing.
/// </summary>
public sealed record CaseAccess(StaffPrincipal Staff, TeamMembership? Membership)
{
    public bool IsAdmin => Staff.Roles.Contains(StaffRole.Admin);

    public bool IsAdviser => Staff.Roles.Contains(StaffRole.Adviser);

    public bool IsLead => Membership is { Lead: true };

    public bool MayWorkOnCases => IsAdmin || IsAdviser;

    public bool CanSee(CaseRecord record) =>
        IsAdmin
        || (IsAdviser && string.Equals(record.OwnerId, Staff.SubjectId, StringComparison.OrdinalIgnoreCase))
        || (IsAdviser && Membership is { } team && record.Team == team.Team && (team.Lead || record.SharedWithTeam));

    /// <summary>Giving a case to someone: admins to anyone, leads within their team, owners to a teammate.</summary>
    public bool MayAssign(CaseRecord? record, TeamMembership? target) =>
        IsAdmin
        || (IsLead && target?.Team == Membership!.Team && (record is null || record.Team == Membership.Team))
        || (record is not null && IsAdviser && string.Equals(record.OwnerId, Staff.SubjectId, StringComparison.OrdinalIgnoreCase)
            && Membership is not null && target?.Team == Membership.Team);
}
