using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>
/// What the confirmation email shows: the link that verifies the address, and the next steps of their route. No name:
/// the address is not verified yet, so the name may be someone else's words sent to a stranger.
/// </summary>
public sealed record ConfirmationEmail(bool AddressKnown, string IcsName, string VerifyUrl, IReadOnlyList<string> NextSteps, PrivacyFooter Footer);
