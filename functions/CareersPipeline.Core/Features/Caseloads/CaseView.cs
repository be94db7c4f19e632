namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>A case as its page and the API show it: the case, the person, the timeline (newest first) and the flags.</summary>
public sealed record CaseView(CaseRecord Case, CasePerson Person, IReadOnlyList<CaseEntry> Timeline, bool ContactOverdue, bool ActionOverdue);
