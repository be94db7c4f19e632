namespace CareersPipeline.Core.ReferenceData;

/// <summary>
/// A school, recruitment event, virtual work experience programme or employer.
/// <paramref name="Detail"/> is the one line that describes it (event date and venue, programme setting, employer type).
/// </summary>
public sealed record ReferenceItem(ReferenceKind Kind, string Code, string Name, string Postcode, string Detail, DateOnly? Date = null);
