namespace CareersPipeline.Core.Features.Administration;

/// <summary>
/// An admin's answers about a member of staff, as sent: every field optional here so that the checks can name each
/// missing one. <see cref="Email"/> is read only on an invitation.
/// </summary>
public sealed record StaffInput(string? Email, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? EmployerCodes, bool? Active);
