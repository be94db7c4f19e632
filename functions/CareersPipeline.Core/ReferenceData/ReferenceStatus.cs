namespace CareersPipeline.Core.ReferenceData;

/// <summary>Whether a code still takes sign-ups. A code in use is retired rather than deleted, so what named it still reads.</summary>
public enum ReferenceStatus
{
    Open,
    Retired,
}
