namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>An admin names a partner organisation, or stops (Active false) or restarts its referrals.</summary>
public sealed record PartnerInput(string? Name, bool? Active);
