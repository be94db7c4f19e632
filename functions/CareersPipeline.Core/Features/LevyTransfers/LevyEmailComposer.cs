using System.Globalization;
using System.Net;
using System.Text;
using CareersPipeline.Core.Features.Notifications;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Writes the levy-transfer emails to staff contacts, as HTML and plain text: one to each party on every decision
/// (the pledge owner alone when an application arrives), and the weekly summary. Every value is HTML-encoded, and the
/// applicant is never told the name of a pledge owner who chose not to show it, until that owner approves.
/// </summary>
public sealed class LevyEmailComposer(IOptions<PipelineOptions> options)
{
    /// <summary>The emails for change number <paramref name="change"/> of the application (0: it arrived).</summary>
    public IReadOnlyList<OutgoingEmail> ForChange(PledgeApplication application, Pledge pledge, int change)
    {
        var step = change == 0 ? null : application.History[change - 1];
        var owner = Compose(application, pledge, step, pledge.ContactName, pledge.ContactEmail, pledge.EmployerName);
        if (step is null)
        {
            return [owner];
        }

        var ownerName = ApplicationView.SeesOwner(application, pledge, viewer: null) ? pledge.EmployerName : LevyRules.AnonymousEmployerName;
        return [owner, Compose(application, pledge, step, application.ContactName, application.ContactEmail, ownerName)];
    }

    public OutgoingEmail PendingSummary(Pledge pledge, IReadOnlyList<PledgeApplication> pending, DateTimeOffset now)
    {
        var count = pending.Count == 1 ? "1 application is" : $"{pending.Count} applications are";
        var intro = $"{count} waiting for your decision on your pledge of {LevyMoney.Format(pledge.Amount)} ({LevyMoney.Format(pledge.Remaining)} left).";
        var html = new StringBuilder()
            .Append("<p>Hello ").Append(Encode(pledge.ContactName)).Append(",</p><p>").Append(Encode(intro)).Append("</p>")
            .Append("<table><thead><tr><th>Employer</th><th>Standard</th><th>Apprentices</th><th>Estimated cost</th><th>Match</th><th>Waiting</th></tr></thead><tbody>");
        var text = new StringBuilder($"Hello {pledge.ContactName},\n\n{intro}\n\n");
        foreach (var a in pending.OrderBy(a => a.CreatedAt))
        {
            var days = (int)(now - a.StatusChangedAt).TotalDays;
            var standard = $"{a.Standard.Title} (level {a.Standard.Level})";
            html.Append("<tr><td>").Append(Encode(a.EmployerName)).Append("</td><td><a href=\"").Append(Encode(Link(a.Id))).Append("\">").Append(Encode(standard))
                .Append("</a></td><td>").Append(a.NumberOfApprentices).Append("</td><td>").Append(Encode(LevyMoney.Format(a.Cost)))
                .Append("</td><td>").Append(a.Match.Percentage).Append("%</td><td>").Append(days).Append(" days</td></tr>");
            text.Append(CultureInfo.InvariantCulture, $"- {a.EmployerName}: {standard}, {a.NumberOfApprentices} apprentice(s), {LevyMoney.Format(a.Cost)}, {a.Match.Percentage}% match, waiting {days} days: {Link(a.Id)}\n");
        }

        var rules = "Applications still pending after 3 months are rejected automatically.";
        html.Append("</tbody></table><p>").Append(Encode(rules)).Append("</p>");
        text.Append('\n').Append(rules).Append('\n');
        return new OutgoingEmail(pledge.ContactEmail, $"Levy transfer: {count} waiting for your decision", html.ToString(), text.ToString(), EmailKind.LevyTransferSummary, pledge.Id);
    }

    private OutgoingEmail Compose(PledgeApplication a, Pledge pledge, ApplicationStatusChange? step, string toName, string toEmail, string ownerName)
    {
        var headline = Headline(a, step, ownerName);
        var facts = new (string Label, string Value)[]
        {
            ("Pledge", $"{ownerName}: {LevyMoney.Format(pledge.Amount)}"),
            ("Applicant", a.EmployerName),
            ("Standard", $"{a.Standard.Title} (level {a.Standard.Level}, LARS {a.Standard.LarsCode}, {a.Standard.DurationMonths} months)"),
            ("Apprentices", a.NumberOfApprentices.ToString(CultureInfo.InvariantCulture)),
            ("Start", a.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            ("Estimated cost", LevyMoney.Format(a.Cost)),
            ("Match", $"{a.Match.Percentage}%"),
            ("Status", a.Status.ToString()),
        };
        var reason = step?.Reason;

        var html = new StringBuilder()
            .Append("<p>Hello ").Append(Encode(toName)).Append(",</p><p>").Append(Encode(headline)).Append("</p>");
        if (reason is not null)
        {
            html.Append("<p>Reason: ").Append(Encode(reason)).Append("</p>");
        }

        html.Append("<ul>");
        foreach (var (label, value) in facts)
        {
            html.Append("<li>").Append(Encode(label)).Append(": ").Append(Encode(value)).Append("</li>");
        }

        html.Append("</ul><p><a href=\"").Append(Encode(Link(a.Id))).Append("\">See the application</a></p>");

        var text = new StringBuilder($"Hello {toName},\n\n{headline}\n\n");
        if (reason is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Reason: {reason}\n\n");
        }

        foreach (var (label, value) in facts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}: {value}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nSee the application: {Link(a.Id)}\n");
        var subject = step is null ? $"Levy transfer: new application from {a.EmployerName}" : $"Levy transfer: application {Phrase(step.To)}";
        return new OutgoingEmail(toEmail, subject, html.ToString(), text.ToString(), EmailKind.LevyTransferUpdate, a.Id);
    }

    private static string Headline(PledgeApplication a, ApplicationStatusChange? step, string owner)
    {
        var e = a.EmployerName;
        var cost = LevyMoney.Format(a.Cost);
        var automatically = step is not null && LevyRules.Systems.IsSystem(step.By) ? " automatically" : string.Empty;
        var places = a.NumberOfApprentices == 1 ? "Its apprenticeship place is" : $"Its {a.NumberOfApprentices} apprenticeship places are";
        return step?.To switch
        {
            null => $"{e} applied for {cost} from your pledge, for {a.NumberOfApprentices} {a.Standard.Title} apprentice(s). It matches your criteria {a.Match.Percentage}%.",
            ApplicationStatus.Pending => $"The approval of {e}'s application to {owner} was undone{automatically}: it is waiting for a decision again, and {cost} is no longer reserved.",
            ApplicationStatus.Approved => $"{owner} approved {e}'s application{automatically}. {cost} is reserved for it; {e} has 42 days to accept the funding.",
            ApplicationStatus.Rejected => $"{owner} did not approve {e}'s application{automatically}.",
            ApplicationStatus.Withdrawn => $"{e} withdrew its application to {owner}.",
            ApplicationStatus.Accepted => $"{e} accepted the funding from {owner}. {places} now advertised.",
            ApplicationStatus.Declined => $"{e}'s approved funding from {owner} was declined{automatically}. {cost} returns to the pledge.",
            ApplicationStatus.FundsUsed => $"{e} recorded that its apprentices have started: the funding from {owner} is in use.",
            ApplicationStatus.FundsExpired => $"The funding from {owner} for {e} expired{automatically}: it was not used within 3 months of acceptance. {cost} returns to the pledge.",
            ApplicationStatus.WithdrawnAfterAcceptance => $"{e} withdrew from the funding it accepted from {owner}. {cost} returns to the pledge.",
            _ => $"{e}'s application is now {step.To}.",
        };
    }

    private static string Phrase(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Pending => "back to pending",
        ApplicationStatus.FundsUsed => "funds in use",
        ApplicationStatus.FundsExpired => "funds expired",
        ApplicationStatus.WithdrawnAfterAcceptance => "withdrawn after acceptance",
        _ => status.ToString().ToLowerInvariant(),
    };

    private string Link(string applicationId) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/levy/applications/{applicationId}";

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
