namespace CareersPipeline.Core.Staff;

/// <summary>
/// A signed-in member of staff, as the directory knows them: their roles and, for employers, the organisations
/// (employer codes) they may act for. Every staff feature checks organisation scope through <see cref="CanActFor"/>.
/// </summary>
public sealed record StaffPrincipal(string SubjectId, string DisplayName, IReadOnlySet<StaffRole> Roles, IReadOnlySet<string> EmployerCodes)
{
    public bool IsInAnyRole(IEnumerable<StaffRole> roles) => roles.Any(Roles.Contains);

    /// <summary>Admins act for everyone; employers only for their own organisations; advisers for none.</summary>
    public bool CanActFor(string employerCode) =>
        Roles.Contains(StaffRole.Admin)
        || (Roles.Contains(StaffRole.Employer) && EmployerCodes.Contains(employerCode.ToUpperInvariant()));
}
