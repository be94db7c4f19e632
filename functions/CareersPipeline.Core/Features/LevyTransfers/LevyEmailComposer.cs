using System.Globalization;
using System.Text;
using CareersPipeline.Core.Email;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// Writes the levy-transfer emails to staff contacts, the plain text here and the HTML by the templates: one to each party on every decision
/// (the pledge owner alone when an application arrives), and the weekly summary. Every value is HTML-encoded, and the
/// applicant is never told the name of a pledge owner who chose not to show it, until that owner approves.
/// </summary>
public sealed class LevyEmailComposer(IOptions<PipelineOptions> options, IEmailTemplates templates)
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
        var rows = pending.OrderBy(a => a.CreatedAt).Select(a => new LevySummaryRow(
            a.EmployerName,
            $"{a.Standard.Title} (level {a.Standard.Level})",
            Link(a.Id),
            a.NumberOfApprentices,
            LevyMoney.Format(a.Cost),
            a.Match.Percentage,
            (int)(now - a.StatusChangedAt).TotalDays)).ToList();
        var model = new LevySummaryEmail(pledge.ContactName, intro, rows, "Applications still pending after 3 months are rejected automatically.");

        var text = new StringBuilder($"Hello {pledge.ContactName},\n\n{intro}\n\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"- {row.EmployerName}: {row.Standard}, {row.Apprentices} apprentice(s), {row.Cost}, {row.MatchPercentage}% match, waiting {row.DaysWaiting} days: {row.ApplicationUrl}\n");
        }

        text.Append('\n').Append(model.Rules).Append('\n');
        return new OutgoingEmail(pledge.ContactEmail, $"Levy transfer: {count} waiting for your decision", templates.Html(model), text.ToString(), EmailKind.LevyTransferSummary, pledge.Id);
    }

    private OutgoingEmail Compose(PledgeApplication a, Pledge pledge, ApplicationStatusChange? step, string toName, string toEmail, string ownerName)
    {
        var headline = Headline(a, step, ownerName);
        LevyEmailFact[] facts =
        [
            new("Pledge", $"{ownerName}: {LevyMoney.Format(pledge.Amount)}"),
            new("Applicant", a.EmployerName),
            new("Standard", $"{a.Standard.Title} (level {a.Standard.Level}, LARS {a.Standard.LarsCode}, {a.Standard.DurationMonths} months)"),
            new("Apprentices", a.NumberOfApprentices.ToString(CultureInfo.InvariantCulture)),
            new("Start", a.StartDate.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)),
            new("Estimated cost", LevyMoney.Format(a.Cost)),
            new("Match", $"{a.Match.Percentage}%"),
            new("Status", a.Status.ToString()),
        ];
        var reason = step?.Reason;
        var model = new LevyUpdateEmail(toName, headline, reason, facts, Link(a.Id));

        var text = new StringBuilder($"Hello {toName},\n\n{headline}\n\n");
        if (reason is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Reason: {reason}\n\n");
        }

        foreach (var (label, value) in facts)
        {
            text.Append(CultureInfo.InvariantCulture, $"{label}: {value}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"\nSee the application: {model.ApplicationUrl}\n");
        var subject = step is null ? $"Levy transfer: new application from {a.EmployerName}" : $"Levy transfer: application {Phrase(step.To)}";
        return new OutgoingEmail(toEmail, subject, templates.Html(model), text.ToString(), EmailKind.LevyTransferUpdate, a.Id);
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
}
