using System.Globalization;
using Azure.Data.Tables;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;
using CareersPipeline.Core.Storage;

namespace CareersPipeline.Core.Features.Opportunities;

/// <summary>The public list's filters. A centre (from a postcode or lat/lon) with a radius filters and sorts by distance.</summary>
public sealed record OpportunityQuery(
    OpportunityKind? Kind = null,
    CareerFamily? CareerFamily = null,
    int? Level = null,
    double? Latitude = null,
    double? Longitude = null,
    double? RadiusMiles = null,
    DateOnly? ClosingAfter = null,
    int Page = 1,
    int PageSize = 20);

public sealed record OpportunityPage(IReadOnlyList<PublicOpportunity> Items, int Total, int Page, int PageSize);

/// <summary>What the public sees of an opportunity: no history, no internal notes.</summary>
public sealed record PublicOpportunity(
    string Id,
    OpportunityKind Kind,
    OpportunityStatus Status,
    string EmployerName,
    string Title,
    string Summary,
    string Description,
    CareerFamily CareerFamily,
    int Positions,
    IReadOnlyList<OpportunityLocation> Locations,
    Wage Wage,
    decimal HoursPerWeek,
    DateOnly? StartDate,
    DateOnly ClosingDate,
    Requirements Requirements,
    bool DisabilityConfident,
    bool SupportedEntry,
    HowToApply HowToApply,
    ApprenticeshipDetails? Apprenticeship,
    VacancyDetails? Vacancy,
    bool LevyFunded,
    OpportunitySource Source,
    double? DistanceMiles)
{
    public static PublicOpportunity From(Opportunity o, double? distance = null) => new(
        o.Id, o.Kind, o.Status, o.EmployerName, o.Title, o.Summary, o.Description, o.CareerFamily, o.Positions, o.Locations, o.Wage,
        o.HoursPerWeek, o.StartDate, o.ClosingDate, o.Requirements, o.DisabilityConfident, o.SupportedEntry, o.HowToApply, o.Apprenticeship, o.Vacancy,
        o.LevyFunding is not null, o.Source, distance is null ? null : Math.Round(distance.Value, 1));
}

/// <summary>The public read side: live opportunities only.</summary>
public sealed class OpportunitySearch(OpportunityStore store)
{
    public async Task<OpportunityPage> SearchAsync(OpportunityQuery query, CancellationToken cancellationToken)
    {
        var filter = TableFilters.And(
            TableFilters.Equal("Status", nameof(OpportunityStatus.Live)),
            query.Kind is { } kind ? TableFilters.Equal("Kind", kind.ToString()) : null,
            query.CareerFamily is { } family ? TableFilters.Equal("CareerFamily", family.ToString()) : null,
            query.Level is { } level ? TableClient.CreateQueryFilter($"Level eq {level}") : null,
            query.ClosingAfter is { } after ? TableClient.CreateQueryFilter($"ClosingDate gt {after.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}") : null);

        var matches = (await store.QueryAsync(filter, cancellationToken))
            .Select(v => (Opportunity: v.Value, Distance: NearestMiles(v.Value, query)))
            .Where(m => query.RadiusMiles is null || m.Distance <= query.RadiusMiles)
            .OrderBy(m => m.Distance ?? double.MaxValue)
            .ThenBy(m => m.Opportunity.ClosingDate)
            .ThenBy(m => m.Opportunity.Id, StringComparer.Ordinal)
            .ToList();

        var items = matches.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(m => PublicOpportunity.From(m.Opportunity, m.Distance))
            .ToList();
        return new OpportunityPage(items, matches.Count, query.Page, query.PageSize);
    }

    public async Task<PublicOpportunity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var found = await store.FindAsync(id, cancellationToken);
        return found?.Value.Status is OpportunityStatus.Live or OpportunityStatus.Closed ? PublicOpportunity.From(found.Value) : null;
    }

    private static double? NearestMiles(Opportunity opportunity, OpportunityQuery query)
    {
        if (query.Latitude is not { } lat || query.Longitude is not { } lon)
        {
            return null;
        }

        var distances = opportunity.Locations
            .Where(l => l.Latitude is not null && l.Longitude is not null)
            .Select(l => Distance.Miles(lat, lon, l.Latitude!.Value, l.Longitude!.Value))
            .ToList();
        return distances.Count == 0 ? null : distances.Min();
    }
}
