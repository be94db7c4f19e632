namespace CareersPipeline.Core.ReferenceData;

/// <summary>
/// A school, recruitment event, virtual work experience programme or employer.
/// <paramref name="Detail"/> is the one line that describes it (event date and venue, programme setting, employer type,
/// a school's phase of education). <paramref name="Status"/>: a retired code stays (sign-ups name it) but its door
/// takes no more sign-ups. <paramref name="LevyPayer"/> and <paramref name="Sector"/> are an employer's.
/// </summary>
public sealed record ReferenceItem(
    ReferenceKind Kind,
    string Code,
    string Name,
    string Postcode,
    string Detail,
    DateOnly? Date = null,
    ReferenceStatus Status = ReferenceStatus.Open,
    bool? LevyPayer = null,
    OrganisationSector? Sector = null);
