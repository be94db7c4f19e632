using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core.Features.Opportunities;

namespace CareersPipeline.Web.Rendering;

/// <summary>
/// schema.org JobPosting structured data for a live opportunity, with the properties Google's job search requires
/// (title, description, datePosted, validThrough, hiringOrganization, jobLocation) and the recommended
/// employmentType and baseSalary where the wage is a known amount. Closed opportunities get none: Google asks for
/// expired postings to drop it.
/// </summary>
public static class JobPostingJsonLd
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public static string? For(Opportunity opportunity)
    {
        if (opportunity.Status != OpportunityStatus.Live)
        {
            return null;
        }

        var posting = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "JobPosting",
            ["title"] = opportunity.Title,
            ["description"] = Description(opportunity),
            ["identifier"] = new JsonObject { ["@type"] = "PropertyValue", ["name"] = opportunity.EmployerName, ["value"] = opportunity.Id },
            ["datePosted"] = DatePosted(opportunity).ToString("yyyy-MM-dd"),
            // The closing date is the last day to apply: the posting is valid to its end.
            ["validThrough"] = $"{opportunity.ClosingDate:yyyy-MM-dd}T23:59:59+00:00",
            ["hiringOrganization"] = new JsonObject { ["@type"] = "Organization", ["name"] = opportunity.EmployerName },
            ["jobLocation"] = new JsonArray([.. opportunity.Locations.Select(Place)]),
            ["employmentType"] = new JsonArray([.. EmploymentTypes(opportunity).Select(t => (JsonNode)t)]),
            ["directApply"] = opportunity.HowToApply.ThroughService,
        };
        if (BaseSalary(opportunity.Wage) is { } salary)
        {
            posting["baseSalary"] = salary;
        }

        if (opportunity.StartDate is { } start)
        {
            posting["jobStartDate"] = start.ToString("yyyy-MM-dd");
        }

        // The default encoder escapes <, > and &, so the JSON cannot close the <script> element it sits in.
        return posting.ToJsonString(Compact);
    }

    /// <summary>When it first went live; imported or older records without that history use their creation date.</summary>
    public static DateOnly DatePosted(Opportunity opportunity) =>
        DateOnly.FromDateTime((opportunity.History.FirstOrDefault(h => h.To == OpportunityStatus.Live)?.At ?? opportunity.CreatedAt).UtcDateTime);

    private static string Description(Opportunity opportunity)
    {
        var text = string.IsNullOrWhiteSpace(opportunity.Description) ? opportunity.Summary : $"{opportunity.Summary}\n\n{opportunity.Description}";
        return string.Join(string.Empty, text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{System.Net.WebUtility.HtmlEncode(p)}</p>"));
    }

    private static JsonObject Place(OpportunityLocation location) => new()
    {
        ["@type"] = "Place",
        ["address"] = new JsonObject { ["@type"] = "PostalAddress", ["postalCode"] = location.Postcode, ["addressCountry"] = "GB" },
    };

    private static IEnumerable<string> EmploymentTypes(Opportunity opportunity)
    {
        yield return opportunity.HoursPerWeek >= 30 ? "FULL_TIME" : "PART_TIME";
        if (opportunity.Vacancy?.ContractType is ContractType.FixedTerm or ContractType.Bank)
        {
            yield return "TEMPORARY";
        }
    }

    private static JsonObject? BaseSalary(Wage wage)
    {
        if (wage.Type != WageType.Fixed || wage.Amount is not { } amount || wage.Unit is not { } unit)
        {
            return null;
        }

        return new JsonObject
        {
            ["@type"] = "MonetaryAmount",
            ["currency"] = "GBP",
            ["value"] = new JsonObject
            {
                ["@type"] = "QuantitativeValue",
                ["value"] = amount,
                ["unitText"] = unit switch
                {
                    WageUnit.Hourly => "HOUR",
                    WageUnit.Weekly => "WEEK",
                    WageUnit.Monthly => "MONTH",
                    _ => "YEAR",
                },
            },
        };
    }
}
