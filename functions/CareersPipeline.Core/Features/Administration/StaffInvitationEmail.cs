namespace CareersPipeline.Core.Features.Administration;

/// <summary>The invitation's model for its template: who invited whom, to what, and where to sign in.</summary>
public sealed record StaffInvitationEmail(string ToName, string IcsName, string InvitedBy, IReadOnlyList<string> Roles, string SignInUrl);
