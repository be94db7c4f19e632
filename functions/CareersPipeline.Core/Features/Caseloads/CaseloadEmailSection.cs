namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>One list in a caseload email ("Overdue", "Due today", ...); empty lists are left out by the composer.</summary>
public sealed record CaseloadEmailSection(string Heading, IReadOnlyList<CaseloadEmailRow> Rows);
