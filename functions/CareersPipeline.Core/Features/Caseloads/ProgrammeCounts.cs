namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>The outreach programme's numbers: case-managed and engaged people apart, as the programme reports them.</summary>
public sealed record ProgrammeCounts(
    int CaseManaged,
    int Engaged,
    IReadOnlyDictionary<CaseStatus, int> CasesByStatus,
    IReadOnlyDictionary<InterventionType, int> Interventions,
    IReadOnlyDictionary<OutcomeType, int> Outcomes);
