namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>A member of staff's outreach team; a lead sees and assigns every case of the team.</summary>
public sealed record TeamMembership(string StaffId, string Team, bool Lead);
