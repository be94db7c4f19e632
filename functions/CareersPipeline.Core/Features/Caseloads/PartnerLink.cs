namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>A partner with the link its staff use to refer people (shown to admins only; it is the partner's key).</summary>
public sealed record PartnerLink(ReferralPartner Partner, string Url);
