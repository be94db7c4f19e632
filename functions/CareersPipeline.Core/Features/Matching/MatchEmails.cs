using System.Globalization;
using System.Net;
using System.Text;
using CareersPipeline.Core.Features.Notifications;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The three match emails as batch templates, and each recipient's values for them. Every email carries the
/// one-click unsubscribe (link and List-Unsubscribe header), the link to the person's matches, and the privacy footer.
/// </summary>
public sealed class MatchEmails(MatchLinks links, SignedTokens tokens, IOptions<PipelineOptions> pipeline, IOptions<Site.SiteOptions> site)
{
    /// <summary>SendGrid takes at most this many bytes of substitutions per recipient; a digest is cut to fit.</summary>
    public const int MaxSubstitutionBytes = 10_000;

    private const string NameHtml = "%%cp_name_html%%", NameText = "%%cp_name_text%%";
    private const string IntroHtml = "%%cp_intro_html%%", IntroText = "%%cp_intro_text%%";
    private const string ItemsHtml = "%%cp_items_html%%", ItemsText = "%%cp_items_text%%";
    private const string MatchesUrlHtml = "%%cp_matches_url_html%%", MatchesUrlText = "%%cp_matches_url_text%%";
    private const string UnsubscribeHtml = "%%cp_unsubscribe_html%%", UnsubscribeText = "%%cp_unsubscribe_text%%";
    private const string FooterHtml = "%%cp_footer_html%%", FooterText = "%%cp_footer_text%%";

    public static string HtmlTemplate { get; } =
        $"<p>Hello {NameHtml},</p><p>{IntroHtml}</p>{ItemsHtml}"
        + $"<p><a href=\"{MatchesUrlHtml}\">See all your matches</a>: save the ones you like and say how far you will travel.</p>"
        + $"<p><a href=\"{UnsubscribeHtml}\">Stop emails about matches</a>.</p>{FooterHtml}";

    public static string TextTemplate { get; } =
        $"Hello {NameText},\n\n{IntroText}\n\n{ItemsText}\nSee all your matches, save the ones you like and say how far you will travel:\n{MatchesUrlText}\n\n"
        + $"Stop emails about matches: {UnsubscribeText}\n{FooterText}";

    public BatchRecipient Alert(ApplicantEntity applicant, IReadOnlyList<Match> matches, DateOnly today) => Recipient(
        applicant,
        matches.Count == 1 ? $"A new match for you: {matches[0].Title}" : $"{matches.Count} new matches for you",
        matches.Count == 1 ? "We found an opening that fits what you told us:" : "We found openings that fit what you told us:",
        matches,
        today);

    /// <summary>The week's new matches, those closing within a week first; as many as fit in one personalization.</summary>
    public BatchRecipient Digest(ApplicantEntity applicant, IReadOnlyList<Match> matches, DateOnly today)
    {
        var ordered = matches.OrderBy(m => m.ClosesOn.DayNumber - today.DayNumber <= 7 ? 0 : 1).ThenBy(m => m.ClosesOn).ThenByDescending(m => m.Score).ToList();
        for (var count = ordered.Count; ; count--)
        {
            var shown = ordered.Take(count).ToList();
            var more = ordered.Count - count;
            var intro = $"Here {(shown.Count == 1 ? "is your new match" : $"are your {shown.Count} new matches")} this week, closing soonest first"
                + (more > 0 ? $" ({more} more on your matches page):" : ":");
            var recipient = Recipient(applicant, "Your health and care matches this week", intro, shown, today);
            if (count <= 1 || Bytes(recipient) <= MaxSubstitutionBytes)
            {
                return recipient;
            }
        }
    }

    public BatchRecipient Reminder(ApplicantEntity applicant, Match saved, int daysLeft, DateOnly today) => Recipient(
        applicant,
        $"Closes {When(daysLeft)}: {saved.Title}",
        $"You saved this opening and it closes {When(daysLeft)}, on {saved.ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Apply before then if it is for you:",
        [saved],
        today);

    private BatchRecipient Recipient(ApplicantEntity applicant, string subject, string intro, IReadOnlyList<Match> matches, DateOnly today)
    {
        var matchesUrl = links.MatchesUrl(applicant.PartitionKey);
        var unsubscribe = links.UnsubscribeUrl(applicant.PartitionKey);
        var html = new StringBuilder();
        var text = new StringBuilder();
        foreach (var match in matches)
        {
            var page = site.Value.OpportunityUrl(match.CandidateId);
            html.Append("<h2><a href=\"").Append(Encode(page)).Append("\">").Append(Encode(match.Title)).Append("</a></h2>")
                .Append("<p>").Append(Encode(match.OrganisationName)).Append(". Closes ").Append(Encode(Date(match.ClosesOn))).Append(".</p>")
                .Append("<p>").Append(Encode(match.ExplanationOn(today))).Append(".</p>");
            text.Append("- ").Append(match.Title).Append(" (").Append(match.OrganisationName).Append("), closes ").Append(Date(match.ClosesOn)).Append('\n')
                .Append("  ").Append(match.ExplanationOn(today)).Append(".\n  ").Append(page).Append('\n');
        }

        var substitutions = new Dictionary<string, string>
        {
            [NameHtml] = Encode(applicant.FirstName),
            [NameText] = applicant.FirstName,
            [IntroHtml] = Encode(intro),
            [IntroText] = intro,
            [ItemsHtml] = html.ToString(),
            [ItemsText] = text.ToString(),
            [MatchesUrlHtml] = Encode(matchesUrl),
            [MatchesUrlText] = matchesUrl,
            [UnsubscribeHtml] = Encode(unsubscribe),
            [UnsubscribeText] = unsubscribe,
            [FooterHtml] = PrivacyLinks.FooterHtml(tokens, pipeline.Value, applicant.PartitionKey, PrivacyLinkHolder.Person),
            [FooterText] = PrivacyLinks.FooterText(tokens, pipeline.Value, applicant.PartitionKey, PrivacyLinkHolder.Person),
        };

        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new BatchRecipient(applicant.Email, subject, substitutions, headers, applicant.PartitionKey);
    }

    private static int Bytes(BatchRecipient recipient) => recipient.Substitutions.Sum(s => Encoding.UTF8.GetByteCount(s.Key) + Encoding.UTF8.GetByteCount(s.Value));

    private static string When(int daysLeft) => daysLeft switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {daysLeft} days",
    };

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
