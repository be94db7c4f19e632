using System.Globalization;
using System.Text;
using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Api;

namespace CareersPipeline.Functions.Features.Matching;

/// <summary>The matches page's HTML, in NHS.UK frontend markup. Everything from data is HTML-encoded.</summary>
internal static class MatchesHtml
{
    public static string Render(MatchesView view, string? token, string publicBaseUrl, SiteOptions site, DateOnly today)
    {
        var q = LinkPages.Query(token);
        var api = publicBaseUrl.TrimEnd('/') + "/api";
        var html = new StringBuilder();
        if (!view.Placed)
        {
            html.Append("<div class=\"nhsuk-warning-callout\"><h2 class=\"nhsuk-warning-callout__label\">We do not know where you are yet</h2>")
                .Append("<p>We could not look up your postcode yet, so we cannot tell how far things are. We will try again soon and match you then.</p></div>");
        }

        if (view.Matches.Count == 0)
        {
            html.Append("<p>We have no matches for you at the moment. We look again every night and whenever something new opens, and email you when we find one.</p>");
        }
        else
        {
            html.Append("<p>These are the openings that fit you best, best first. We look again every night and whenever something new opens")
                .Append(view.ComputedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $" (last looked {at:d MMMM yyyy 'at' HH:mm} UTC)") : string.Empty).Append(".</p>")
                .Append("<ul class=\"nhsuk-list\">");
            foreach (var item in view.Matches)
            {
                var match = item.Match;
                var id = LinkPages.Encode(match.CandidateId);
                html.Append("<li id=\"m-").Append(id).Append("\"><div class=\"nhsuk-card\"><div class=\"nhsuk-card__content\">")
                    .Append("<h2 class=\"nhsuk-card__heading\"><a href=\"").Append(LinkPages.Encode(site.OpportunityUrl(match.CandidateId))).Append("\">")
                    .Append(LinkPages.Encode(match.Title)).Append("</a></h2>")
                    .Append("<p class=\"nhsuk-card__description\">").Append(LinkPages.Encode(match.OrganisationName)).Append(". ")
                    .Append(LinkPages.Encode(Kind(match.Kind))).Append(". Closes ").Append(LinkPages.Encode(match.ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(".</p>")
                    .Append("<p><strong>Why it fits:</strong> ").Append(LinkPages.Encode(item.Explanation)).Append(".</p>")
                    .Append(item.Saved
                        ? LinkPages.Button($"{api}/matches/saved/{Uri.EscapeDataString(match.CandidateId)}/remove{q}", "Saved: stop saving", secondary: true)
                        : LinkPages.Button($"{api}/matches/saved/{Uri.EscapeDataString(match.CandidateId)}{q}", "Save, and remind me before it closes", secondary: true))
                    .Append("</div></div></li>");
            }

            html.Append("</ul>");
        }

        if (view.SavedElsewhere.Count > 0)
        {
            html.Append("<h2>Also saved</h2><ul>");
            foreach (var saved in view.SavedElsewhere)
            {
                html.Append("<li>").Append(LinkPages.Encode(saved.Title)).Append(", ").Append(LinkPages.Encode(saved.OrganisationName))
                    .Append(": closes ").Append(LinkPages.Encode(saved.ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)))
                    .Append(LinkPages.Button($"{api}/matches/saved/{Uri.EscapeDataString(saved.CandidateId)}/remove{q}", "Stop saving", secondary: true)).Append("</li>");
            }

            html.Append("</ul>");
        }

        if (view.NearbyExclusions.Count > 0)
        {
            html.Append("<h2>Openings near you that you could not be matched to</h2><ul>");
            foreach (var (reason, count) in view.NearbyExclusions)
            {
                html.Append("<li>").Append(count).Append(count == 1 ? " opening " : " openings ").Append(LinkPages.Encode(MatchInsights.Describe(reason))).Append(".</li>");
            }

            html.Append("</ul>");
        }

        AppendPreferences(html, view, api, q);
        html.Append("<h2 id=\"emails\">Emails about matches</h2>");
        html.Append(view.MatchEmails
            ? "<p>We email you when we find a strong new match, and once a week with the rest.</p>"
            : "<p>We do not email you about matches.</p>" + LinkPages.Button($"{api}/matches/resubscribe{q}", "Email me about matches again", secondary: true));
        return html.ToString();
    }

    private static void AppendPreferences(StringBuilder html, MatchesView view, string api, string q)
    {
        var miles = view.Preferences.TravelMiles?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        var route = view.Route is { } r ? $" The usual distance for people {RouteName(r)} is {view.Preferences.DefaultTravelMiles} miles." : string.Empty;
        html.Append("<h2 id=\"preferences\">What we match you on</h2>")
            .Append("<form method=\"post\" action=\"").Append(LinkPages.Encode($"{api}/matches/preferences{q}")).Append("\" novalidate>")
            .Append("<div class=\"nhsuk-form-group\"><label class=\"nhsuk-label\" for=\"travelMiles\">How far will you travel to work, in miles?</label>")
            .Append("<div class=\"nhsuk-hint\" id=\"travelMiles-hint\">From 1 to 50.").Append(LinkPages.Encode(route)).Append("</div>")
            .Append("<input class=\"nhsuk-input nhsuk-input--width-4\" id=\"travelMiles\" name=\"travelMiles\" type=\"text\" inputmode=\"numeric\" aria-describedby=\"travelMiles-hint\" value=\"")
            .Append(LinkPages.Encode(miles)).Append("\"></div>")
            .Append("<div class=\"nhsuk-form-group\"><fieldset class=\"nhsuk-fieldset\"><legend class=\"nhsuk-fieldset__legend nhsuk-fieldset__legend--s\">Do you have a full UK driving licence?</legend>")
            .Append("<div class=\"nhsuk-hint\">Some roles, such as home care, need one.</div><div class=\"nhsuk-radios nhsuk-radios--inline\">")
            .Append(Radio("yes", "Yes", view.Preferences.DrivingLicence == true)).Append(Radio("no", "No", view.Preferences.DrivingLicence == false))
            .Append("</div></fieldset></div><button class=\"nhsuk-button\" type=\"submit\">Save and match me again</button></form>");
    }

    private static string Radio(string value, string label, bool isChecked) =>
        $"<div class=\"nhsuk-radios__item\"><input class=\"nhsuk-radios__input\" id=\"drivingLicence-{value}\" name=\"drivingLicence\" type=\"radio\" value=\"{value}\"{(isChecked ? " checked" : string.Empty)}>"
        + $"<label class=\"nhsuk-label nhsuk-radios__label\" for=\"drivingLicence-{value}\">{label}</label></div>";

    private static string Kind(CandidateKind kind) => kind switch
    {
        CandidateKind.Apprenticeship => "Apprenticeship",
        CandidateKind.EntryLevelVacancy => "Job",
        CandidateKind.LevyFundedPlace => "Apprenticeship funded by a levy transfer",
        CandidateKind.WorkExperienceProgramme => "Work experience",
        CandidateKind.RecruitmentEvent => "Recruitment event",
        CandidateKind.PreEmploymentCourse => "Pre-employment course",
        _ => kind.ToString(),
    };

    private static string RouteName(JourneyRoute route) => route switch
    {
        JourneyRoute.InEducation => "in education",
        JourneyRoute.CareerChangerOrUnemployed => "changing career or looking for work",
        _ => "getting extra support",
    };
}
