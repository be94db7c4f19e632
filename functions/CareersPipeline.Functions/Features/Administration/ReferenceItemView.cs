using CareersPipeline.Core.ReferenceData;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>A school, event, programme or employer as the admin API shows it. <paramref name="Version"/> is its ETag.</summary>
public sealed record ReferenceItemView(
    ReferenceKind Kind,
    string Code,
    string Name,
    string Postcode,
    string Detail,
    DateOnly? Date,
    ReferenceStatus Status,
    bool? LevyPayer,
    OrganisationSector? Sector,
    string Version)
{
    public static ReferenceItemView Of(ReferenceItem i, string version) => new(i.Kind, i.Code, i.Name, i.Postcode, i.Detail, i.Date, i.Status, i.LevyPayer, i.Sector, version);
}
