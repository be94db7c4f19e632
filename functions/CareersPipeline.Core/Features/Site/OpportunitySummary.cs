using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Site;

/// <summary>
/// What a list page shows of an opportunity, and what the site keeps in its index to re-render lists without
/// reading the whole table. Public fields only. <see cref="DistanceMiles"/> is set only by the server-side search.
/// </summary>
public sealed record OpportunitySummary(
    string Id,
    OpportunityKind Kind,
    OpportunityStatus Status,
    string Title,
    string EmployerName,
    string Summary,
    CareerFamily CareerFamily,
    int? Level,
    string Postcode,
    Wage Wage,
    decimal HoursPerWeek,
    DateOnly ClosingDate,
    DateTimeOffset UpdatedAt,
    double? DistanceMiles = null)
{
    public bool IsListed => Status == OpportunityStatus.Live;

    /// <summary>Live and closed opportunities have a page; drafts and archived ones do not.</summary>
    public static bool HasPage(OpportunityStatus status) => status is OpportunityStatus.Live or OpportunityStatus.Closed;

    public static OpportunitySummary From(Opportunity o) => new(
        o.Id, o.Kind, o.Status, o.Title, o.EmployerName, o.Summary, o.CareerFamily, o.Level,
        o.Locations.Count > 0 ? o.Locations[0].Postcode : string.Empty, o.Wage, o.HoursPerWeek, o.ClosingDate, o.UpdatedAt);

    public static OpportunitySummary From(PublicOpportunity o) => new(
        o.Id, o.Kind, o.Status, o.Title, o.EmployerName, o.Summary, o.CareerFamily, o.Apprenticeship?.Level,
        o.Locations.Count > 0 ? o.Locations[0].Postcode : string.Empty, o.Wage, o.HoursPerWeek, o.ClosingDate, default, o.DistanceMiles);
}
