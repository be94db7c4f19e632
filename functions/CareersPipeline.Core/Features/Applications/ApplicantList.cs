namespace CareersPipeline.Core.Features.Applications;

/// <summary>An opportunity's applicants, newest first, with how many are at each status.</summary>
public sealed record ApplicantList(string OpportunityId, string OpportunityTitle, int Positions, IReadOnlyDictionary<ApplicationStatus, int> Counts, IReadOnlyList<ApplicantRow> Applicants);
