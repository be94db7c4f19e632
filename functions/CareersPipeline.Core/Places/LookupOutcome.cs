namespace CareersPipeline.Core.Places;

public enum LookupOutcome
{
    Resolved,
    NotFound,
    Unavailable,
}
