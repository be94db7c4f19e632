namespace CareersPipeline.Core.Features.Applications;

/// <summary>The question pages of an application, in the order a person sees them, then the check-answers page.</summary>
public enum ApplyStep
{
    Why,
    Experience,
    Start,
    Adjustments,
    Check,
}
