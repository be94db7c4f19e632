namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// A named partner organisation (Jobcentre Plus, Refugee Action, a local authority...) that refers people through its
/// own signed link. <see cref="LinkVersion"/> is inside the link: revoking bumps it, so every link given out before
/// stops working at once; <see cref="Active"/> false stops the partner's referrals altogether.
/// </summary>
public sealed record ReferralPartner(string Code, string Name, int LinkVersion, bool Active, DateTimeOffset UpdatedAt);
