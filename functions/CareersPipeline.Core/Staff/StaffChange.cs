namespace CareersPipeline.Core.Staff;

/// <summary>What an admin may change on a staff record: everything else (id, email, invitation) is the directory's.</summary>
public sealed record StaffChange(string DisplayName, IReadOnlySet<StaffRole> Roles, IReadOnlySet<string> EmployerCodes, bool Active);
