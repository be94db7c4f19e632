namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>Case management settings (CASELOAD_CONTACT_WORKING_DAYS).</summary>
public sealed class CaseloadOptions
{
    /// <summary>A person waiting longer than this many working days without contact is flagged.</summary>
    public int WorkingDaysToContact { get; set; } = 5;
}
