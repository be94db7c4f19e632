using CareersPipeline.Core.Staff;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Administration;

/// <summary>A new invitation, and whether its email was handed over (when not, the admin can tell the person themselves).</summary>
public sealed record InvitationOutcome(Versioned<StaffMember> Member, bool Emailed);
