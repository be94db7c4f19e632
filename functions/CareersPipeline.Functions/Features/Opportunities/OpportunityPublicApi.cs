using System.Globalization;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Places;

namespace CareersPipeline.Functions.Features.Opportunities;

/// <summary>The public read API: list with filters, and one opportunity. Query problems are reported per parameter.</summary>
public static class OpportunityPublicApi
{
    public const int MaxPageSize = 100;

    public static async Task<IResult> ListAsync(HttpRequest request, OpportunitySearch search, PostcodeLookup postcodes, CancellationToken ct)
    {
        var q = request.Query;
        var errors = new ValidationErrors();
        var query = new OpportunityQuery(
            Kind: Enum<OpportunityKind>(errors, "kind", q["kind"]),
            CareerFamily: Enum<CareerFamily>(errors, "careerFamily", q["careerFamily"]),
            Level: Int(errors, "level", q["level"], 2, 7),
            RadiusMiles: Double(errors, "radiusMiles", q["radiusMiles"], 0.1, 200),
            ClosingAfter: q["closingAfter"].ToString() is { Length: > 0 } after
                ? DateOnly.TryParseExact(after, "yyyy-MM-dd", out var date) ? date : Error<DateOnly?>(errors, "closingAfter", "Write the date as YYYY-MM-DD.")
                : null,
            Page: Int(errors, "page", q["page"], 1, 10_000) ?? 1,
            PageSize: Int(errors, "pageSize", q["pageSize"], 1, MaxPageSize) ?? 20);

        var lat = Double(errors, "lat", q["lat"], -90, 90);
        var lon = Double(errors, "lon", q["lon"], -180, 180);
        if (q["postcode"].ToString() is { Length: > 0 } postcodeText)
        {
            // Other problems are reported without a lookup; only a malformed postcode joins them.
            var othersWrong = !errors.IsEmpty;
            if (await postcodes.LookupTypedAsync(postcodeText, ct) is not { } place)
            {
                errors.Add("postcode", PostcodeLookup.NotAPostcode);
            }
            else if (!othersWrong)
            {
                if (place.Outcome == LookupOutcome.Unavailable)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Postcode search unavailable", detail: "We cannot look postcodes up just now. Try again, or search without a postcode.");
                }

                if (place.Place is null)
                {
                    errors.Add("postcode", "We could not find that postcode.");
                }

                (lat, lon) = (place.Place?.Latitude, place.Place?.Longitude);
            }
        }
        else if ((lat is null) != (lon is null))
        {
            errors.Add("lat", "Give lat and lon together.");
        }

        if (query.RadiusMiles is not null && lat is null && errors.IsEmpty)
        {
            errors.Add("radiusMiles", "A radius needs a postcode, or lat and lon.");
        }

        if (!errors.IsEmpty)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "Some search options need correcting");
        }

        return TypedResults.Ok(await search.SearchAsync(query with { Latitude = lat, Longitude = lon }, ct));
    }

    public static async Task<IResult> GetAsync(string id, OpportunitySearch search, CancellationToken ct) =>
        await search.GetAsync(id, ct) is { } opportunity
            ? TypedResults.Ok(opportunity)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no published opportunity with that id.");

    private static TEnum? Enum<TEnum>(ValidationErrors errors, string name, string? value)
        where TEnum : struct, System.Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var match = System.Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        return match is null
            ? Error<TEnum?>(errors, name, $"Use one of: {string.Join(", ", System.Enum.GetNames<TEnum>())}.")
            : System.Enum.Parse<TEnum>(match);
    }

    private static int? Int(ValidationErrors errors, string name, string? value, int min, int max) =>
        string.IsNullOrEmpty(value) ? null
        : int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : Error<int?>(errors, name, $"Give a whole number from {min} to {max}.");

    private static double? Double(ValidationErrors errors, string name, string? value, double min, double max) =>
        string.IsNullOrEmpty(value) ? null
        : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n
        : Error<double?>(errors, name, $"Give a number from {min} to {max}.");

    private static T Error<T>(ValidationErrors errors, string name, string message)
    {
        errors.Add(name, message);
        return default!;
    }
}
