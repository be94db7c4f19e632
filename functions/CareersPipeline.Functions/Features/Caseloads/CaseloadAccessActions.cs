namespace CareersPipeline.Functions.Features.Caseloads;

/// <summary>What staff did with a person's case, as the access audit records it.</summary>
public static class CaseloadAccessActions
{
    public const string Take = "case-take";
    public const string Assign = "case-assign";
    public const string Read = "case-read";
    public const string Intervention = "case-intervention";
    public const string Outcome = "case-outcome";
    public const string NextAction = "case-next-action";
    public const string Route = "case-route";
    public const string Status = "case-status";
    public const string Engaged = "case-engaged";
}
