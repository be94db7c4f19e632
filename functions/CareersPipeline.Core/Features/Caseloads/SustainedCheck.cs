namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// When an adviser should check that a person is still in work: 3 and 6 months after the start date of their
/// employment outcome. A check is due from that date until its sustained outcome is recorded or the case is closed
/// (closing is how an adviser says the person left work or contact was lost, so nobody is reminded for ever).
/// </summary>
public static class SustainedCheck
{
    /// <summary>The months (3 or 6) of the earliest check that is due and not recorded; null when none is.</summary>
    public static int? DueMonths(CaseRecord record, DateOnly today)
    {
        if (record.EmployedFrom is not { } start || record.Status == CaseStatus.Closed)
        {
            return null;
        }

        if (!record.Outcomes.Contains(OutcomeType.SustainedThreeMonths) && today >= start.AddMonths(3))
        {
            return 3;
        }

        if (!record.Outcomes.Contains(OutcomeType.SustainedSixMonths) && today >= start.AddMonths(6))
        {
            return 6;
        }

        return null;
    }
}
