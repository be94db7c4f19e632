using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// What the guardian's consent request shows: the link to give consent, and no name. Whoever signed up chose both the
/// guardian's address and the name, so a name here would let anyone send their own words in an NHS email to any address.
/// </summary>
public sealed record GuardianConsentRequestEmail(string IcsName, string ConsentUrl, PrivacyFooter Footer);
