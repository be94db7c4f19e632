using System.Globalization;
using System.Text;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The three match emails as batch templates, and each recipient's values for them. Every email carries the
/// one-click unsubscribe (link and List-Unsubscribe header), the link to the person's matches, and the privacy footer.
/// The HTML template and the HTML values come from the templates; the plain text is written here.
/// </summary>
public sealed class MatchEmails(MatchLinks links, PersonLinks personLinks, IOptions<PipelineOptions> pipeline, IOptions<Site.SiteOptions> site, IEmailTemplates templates)
{
    /// <summary>SendGrid takes at most this many bytes of substitutions per recipient; a digest is cut to fit.</summary>
    public const int MaxSubstitutionBytes = 10_000;

    private const string NameHtml = "%%cp_name_html%%", NameText = "%%cp_name_text%%";
    private const string IntroHtml = "%%cp_intro_html%%", IntroText = "%%cp_intro_text%%";
    private const string ItemsHtml = "%%cp_items_html%%", ItemsText = "%%cp_items_text%%";
    private const string MatchesUrlHtml = "%%cp_matches_url_html%%", MatchesUrlText = "%%cp_matches_url_text%%";
    private const string UnsubscribeHtml = "%%cp_unsubscribe_html%%", UnsubscribeText = "%%cp_unsubscribe_text%%";
    private const string FooterHtml = "%%cp_footer_html%%", FooterText = "%%cp_footer_text%%";

    public string HtmlTemplate { get; } = templates.Html(new MatchEmailTemplate(NameHtml, IntroHtml, ItemsHtml, MatchesUrlHtml, UnsubscribeHtml, FooterHtml));

    public static string TextTemplate { get; } =
        $"Hello {NameText},\n\n{IntroText}\n\n{ItemsText}\nSee all your matches, save the ones you like and say how far you will travel:\n{MatchesUrlText}\n\n"
        + $"Stop emails about matches: {UnsubscribeText}\n{FooterText}";

    /// <summary>The shared HTML and text of one kind's batch.</summary>
    public EmailTemplate Template(EmailKind kind) => new(kind, HtmlTemplate, TextTemplate);

    public BatchRecipient Alert(ApplicantEntity applicant, IReadOnlyList<Match> matches, DateOnly today) => Recipient(
        EmailKind.MatchAlert,
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
            var recipient = Recipient(EmailKind.MatchDigest, applicant, "Your health and care matches this week", intro, shown, today);
            if (count <= 1 || Bytes(recipient) <= MaxSubstitutionBytes)
            {
                return recipient;
            }
        }
    }

    public BatchRecipient Reminder(ApplicantEntity applicant, Match saved, int daysLeft, DateOnly today) => Recipient(
        EmailKind.ClosingReminder,
        applicant,
        $"Closes {When(daysLeft)}: {saved.Title}",
        $"You saved this opening and it closes {When(daysLeft)}, on {saved.ClosesOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}. Apply before then if it is for you:",
        [saved],
        today);

    private BatchRecipient Recipient(EmailKind kind, ApplicantEntity applicant, string subject, string intro, IReadOnlyList<Match> matches, DateOnly today)
    {
        var matchesUrl = links.MatchesUrl(applicant);
        var unsubscribe = links.UnsubscribeUrl(applicant);
        var items = matches.Select(m => new MatchEmailItem(m.Title, site.Value.OpportunityUrl(m.CandidateId), m.OrganisationName, Date(m.ClosesOn), m.ExplanationOn(today))).ToList();
        var text = new StringBuilder();
        foreach (var item in items)
        {
            text.Append("- ").Append(item.Title).Append(" (").Append(item.OrganisationName).Append("), closes ").Append(item.ClosesOn).Append('\n')
                .Append("  ").Append(item.Explanation).Append(".\n  ").Append(item.PageUrl).Append('\n');
        }

        var footer = PrivacyFooter.For(kind, personLinks, pipeline.Value, applicant);
        var substitutions = new Dictionary<string, string>
        {
            [NameHtml] = templates.Encode(applicant.FirstName),
            [NameText] = applicant.FirstName,
            [IntroHtml] = templates.Encode(intro),
            [IntroText] = intro,
            [ItemsHtml] = templates.Html(new MatchEmailItems(items)),
            [ItemsText] = text.ToString(),
            [MatchesUrlHtml] = templates.Encode(matchesUrl),
            [MatchesUrlText] = matchesUrl,
            [UnsubscribeHtml] = templates.Encode(unsubscribe),
            [UnsubscribeText] = unsubscribe,
            [FooterHtml] = templates.Html(footer),
            [FooterText] = footer.Text,
        };

        // RFC 8058 one-click unsubscribe: mail clients POST "List-Unsubscribe=One-Click" to the link.
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = $"<{unsubscribe}>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };
        return new BatchRecipient(EmailRules.For(kind).AddressOf(applicant), subject, substitutions, headers, applicant.PartitionKey);
    }

    private static int Bytes(BatchRecipient recipient) => recipient.Substitutions.Sum(s => Encoding.UTF8.GetByteCount(s.Key) + Encoding.UTF8.GetByteCount(s.Value));

    private static string When(int daysLeft) => daysLeft switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {daysLeft} days",
    };

    private static string Date(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
