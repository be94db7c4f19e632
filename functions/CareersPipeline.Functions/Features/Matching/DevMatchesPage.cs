using System.Net;
using System.Text;
using Azure.Data.Tables;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareersPipeline.Functions.Features.Matching;

/// <summary>
/// Local mode only: every person's matches at a glance, with the link their match emails carry, so a developer can
/// see how matching treats people on each route without signing anyone up by hand. Not a function: never deployed.
/// </summary>
public static class DevMatchesPage
{
    public static void MapDevMatches(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dev/matches", async (ApplicantStore applicants, MatchStore matches, MatchLinks links, CancellationToken ct) =>
        {
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Matches (local)</title></head><body>")
                .Append("<h1>Matches</h1><p>Local mode only. Each active person's best matches, as stored; the name links to their matches page, as their emails do.</p>")
                .Append("<table><thead><tr><th>Person</th><th>Route</th><th>Interests</th><th>Postcode</th><th>Best matches</th></tr></thead><tbody>");
            var shown = 0;
            await foreach (var applicant in applicants.QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.Active)}"), ct))
            {
                var record = await matches.FindAsync(MatchProfiles.PersonKeyOf(applicant), ct);
                html.Append("<tr><td><a href=\"").Append(Encode(links.MatchesUrl(applicant.PartitionKey))).Append("\">").Append(Encode(applicant.FirstName)).Append(' ').Append(Encode(applicant.LastName))
                    .Append("</a></td><td>").Append(Encode(applicant.Route)).Append("</td><td>").Append(Encode(applicant.CareerInterests)).Append("</td><td>").Append(Encode(applicant.Postcode))
                    .Append("</td><td><ol>");
                foreach (var match in (record?.Matches() ?? []).Take(3))
                {
                    html.Append("<li><strong>").Append(Encode(match.Title)).Append("</strong> (").Append(match.Score).Append("): ").Append(Encode(match.Explanation)).Append("</li>");
                }

                html.Append("</ol></td></tr>");
                if (++shown == 200)
                {
                    break;
                }
            }

            return Results.Content(html.Append("</tbody></table></body></html>").ToString(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
