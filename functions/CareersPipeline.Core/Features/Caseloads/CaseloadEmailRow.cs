namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>One person in a caseload email: their name, the link to their case (or to triage), and what is due.</summary>
public sealed record CaseloadEmailRow(string Name, string Url, string Detail);
