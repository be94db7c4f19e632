using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>What the confirmation email shows: the link that verifies the address, and the next steps of their route.</summary>
public sealed record ConfirmationEmail(string FirstName, string IcsName, string VerifyUrl, IReadOnlyList<string> NextSteps, PrivacyFooter Footer);
