using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>What the guardian's consent request shows: who signed up, and the link to give consent.</summary>
public sealed record GuardianConsentRequestEmail(string ChildFirstName, string IcsName, string ConsentUrl, PrivacyFooter Footer);
