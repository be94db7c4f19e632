using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.SignUps;

/// <summary>What the "your links" email shows: a verify link while the address is unverified; the footer's manage link.</summary>
public sealed record LinksRequestedEmail(string IcsName, string? VerifyUrl, PrivacyFooter Footer);
