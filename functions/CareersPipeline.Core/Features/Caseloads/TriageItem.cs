namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>Someone waiting for an adviser: a supported-route sign-up nobody has taken yet, flagged once they have waited too long uncontacted.</summary>
public sealed record TriageItem(string ApplicantId, string FirstName, string LastName, string Door, DateTimeOffset SignedUpAt, int WorkingDaysWaiting, bool Contacted, bool Overdue, string? ReferredBy = null);
