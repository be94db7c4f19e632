using CareersPipeline.Core.Email;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>What the "continue your application" email shows: the opportunity and the signed link to its apply pages.</summary>
public sealed record ContinueApplicationEmail(string FirstName, string OpportunityTitle, string EmployerName, string ApplyUrl, PrivacyFooter Footer);
