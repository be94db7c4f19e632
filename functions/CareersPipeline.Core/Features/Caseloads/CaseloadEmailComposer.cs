using System.Globalization;
using System.Text;
using CareersPipeline.Core.Email;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Writes the daily caseload emails to staff: the plain text here, the HTML by its template (values HTML-encoded
/// there). Names and next actions go to the member of staff who works with these people and nowhere else; notes never
/// go into an email.
/// </summary>
public sealed class CaseloadEmailComposer(IOptions<PipelineOptions> options, IEmailTemplates templates)
{
    /// <summary>Where the caseload pages live (the Functions layer maps them there).</summary>
    public const string CasesPath = "/staff/caseload/cases/";
    public const string TriagePath = "/staff/caseload/triage";

    public OutgoingEmail Uncontacted(string toEmail, string staffId, string staffName, string team, int workingDays, IReadOnlyList<CaseloadEmailSection> sections)
    {
        var count = sections.Sum(s => s.Rows.Count);
        var people = count == 1 ? "1 person has" : $"{count} people have";
        var intro = $"{people} not been contacted within {workingDays} working days of signing up (you lead the {team} team).";
        return Compose(toEmail, staffId, staffName, intro, sections, $"Outreach: {people} not been contacted in time", EmailKind.CaseloadUncontacted);
    }

    public OutgoingEmail Actions(string toEmail, string staffId, string staffName, IReadOnlyList<CaseloadEmailSection> sections)
    {
        var count = sections.Sum(s => s.Rows.Count);
        var things = count == 1 ? "1 thing needs" : $"{count} things need";
        var intro = $"{things} doing on your caseload: next actions overdue or due today, and sustained-in-work checks.";
        return Compose(toEmail, staffId, staffName, intro, sections, $"Your caseload today: {things} doing", EmailKind.CaseloadActions);
    }

    public string CaseUrl(string applicantId) => Base() + CasesPath + applicantId;

    public string TriageUrl() => Base() + TriagePath;

    private OutgoingEmail Compose(string toEmail, string staffId, string staffName, string intro, IReadOnlyList<CaseloadEmailSection> sections, string subject, EmailKind kind)
    {
        var model = new CaseloadEmail(staffName, intro, [.. sections.Where(s => s.Rows.Count > 0)]);
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Hello {staffName},\n\n{intro}\n");
        foreach (var section in model.Sections)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n{section.Heading}\n");
            foreach (var row in section.Rows)
            {
                text.Append(CultureInfo.InvariantCulture, $"- {row.Name}: {row.Detail}: {row.Url}\n");
            }
        }

        // The reference is the staff id: it ties the email to its recipient without naming anyone on the lists.
        return new OutgoingEmail(toEmail, subject, templates.Html(model), text.ToString(), kind, staffId);
    }

    private string Base() => options.Value.PublicBaseUrl.TrimEnd('/');
}
