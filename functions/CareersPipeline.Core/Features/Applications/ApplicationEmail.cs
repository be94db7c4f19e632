using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>What every application email shows: a greeting, a few paragraphs, the link to the status page, the footer.</summary>
public sealed record ApplicationEmail(string FirstName, string Heading, IReadOnlyList<string> Paragraphs, string StatusUrl, PrivacyFooter Footer);
