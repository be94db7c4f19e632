namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// A daily caseload email to a member of staff: a greeting, what it is about, and lists of their own people with a
/// link to each case. Staff may see these names; the email goes only to the staff address in the directory.
/// </summary>
public sealed record CaseloadEmail(string StaffName, string Intro, IReadOnlyList<CaseloadEmailSection> Sections);
