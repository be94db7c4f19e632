using System.Globalization;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Functions.Features.Site;

/// <summary>
/// The opportunity filters' target (a GET form, so it works without scripts). One kind or one career family is a
/// page the site already has, so it redirects there; anything else (a postcode and distance, or two filters) is
/// searched here and shown with the same list template. Problems with a filter show as an error summary.
/// </summary>
internal static class SiteSearchPage
{
    public static async Task<IResult> SearchAsync(HttpContext context, OpportunitySearch search, PostcodeLookup postcodes, SiteRendering rendering, CancellationToken ct)
    {
        var q = context.Request.Query;
        var errors = new ValidationErrors();
        var kind = Parse<OpportunityKind>(q["kind"], "kind", "Choose a type from the list.", errors);
        var family = Parse<CareerFamily>(q["careerFamily"], "careerFamily", "Choose a career from the list.", errors);
        var postcodeText = q["postcode"].ToString().Trim();
        var radius = double.TryParse(q["radiusMiles"], NumberStyles.Float, CultureInfo.InvariantCulture, out var miles) && miles is > 0 and <= 200 ? miles : (double?)null;
        var pageNumber = int.TryParse(q["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000 ? n : 1;

        if (postcodeText.Length == 0 && radius is null && pageNumber == 1 && (kind is null || family is null) && errors.IsEmpty)
        {
            var facet = kind is not null ? new OpportunityFacet(Kind: kind) : family is not null ? new OpportunityFacet(Family: family) : OpportunityFacet.All;
            return SiteHtml.SeeOther(context, SiteHtml.SiteUrl(rendering, facet.PagePath(1)));
        }

        double? lat = null, lon = null;
        if (postcodeText.Length > 0)
        {
            if (await postcodes.LookupTypedAsync(postcodeText, ct) is not { } place)
            {
                errors.Add("postcode", PostcodeLookup.NotAPostcode);
            }
            else
            {
                if (place.Outcome == LookupOutcome.Unavailable)
                {
                    errors.Add("postcode", "We cannot look postcodes up just now. Try again later, or search without a postcode.");
                }
                else if (place.Place is null)
                {
                    errors.Add("postcode", "We could not find that postcode. Check it and try again.");
                }

                (lat, lon) = (place.Place?.Latitude, place.Place?.Longitude);
            }
        }
        else if (radius is not null)
        {
            errors.Add("postcode", "Enter a postcode to search within a distance.");
        }

        var found = errors.IsEmpty
            ? await search.SearchAsync(new OpportunityQuery(kind, family, Latitude: lat, Longitude: lon, RadiusMiles: lat is null ? null : radius, Page: pageNumber, PageSize: OpportunityFacet.PageSize), ct)
            : new OpportunityPage([], 0, 1, OpportunityFacet.PageSize);
        var filter = new OpportunityFilter(kind, family, postcodeText.Length > 0 ? postcodeText : null, radius, errors.ToDictionary());
        var page = new OpportunityListPage(new OpportunityFacet(kind, family), pageNumber, OpportunityFacet.PageCount(found.Total), found.Total, [.. found.Items.Select(OpportunitySummary.From)])
        {
            Search = filter,
        };
        return SiteHtml.Page(context, page, errors.IsEmpty ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static TEnum? Parse<TEnum>(string? value, string field, string message, ValidationErrors errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (Enum.GetNames<TEnum>().FirstOrDefault(name => string.Equals(name, value, StringComparison.OrdinalIgnoreCase)) is { } match)
        {
            return Enum.Parse<TEnum>(match);
        }

        errors.Add(field, message);
        return null;
    }
}
