using Azure.Data.Tables;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

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
            var people = new List<LocalMatchesRow>();
            await foreach (var applicant in applicants.QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(ApplicantStatus.Active)}"), ct))
            {
                var record = await matches.FindAsync(MatchProfiles.PersonKeyOf(applicant), ct);
                people.Add(new LocalMatchesRow(
                    $"{applicant.FirstName} {applicant.LastName}",
                    links.MatchesUrl(applicant),
                    applicant.Route,
                    applicant.CareerInterests,
                    applicant.Postcode,
                    [.. (record?.Matches() ?? []).Take(3)]));
                if (people.Count == 200)
                {
                    break;
                }
            }

            return new PageResult(new LocalMatchesPage(people), StatusCodes.Status200OK);
        }).ExcludeFromDescription();
}
