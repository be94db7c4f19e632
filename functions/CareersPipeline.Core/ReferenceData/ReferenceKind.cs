namespace CareersPipeline.Core.ReferenceData;

/// <summary>The things a sign-up door can name by code, and the employers behind events and programmes.</summary>
public enum ReferenceKind
{
    School,
    Event,
    Programme,
    Employer,
}
