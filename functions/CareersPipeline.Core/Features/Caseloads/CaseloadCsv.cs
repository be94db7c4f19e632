using System.Globalization;
using System.Text;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Caseload and programme counts as CSV for spreadsheets, through the kernel's <see cref="SafeCsv"/>: a name typed as
/// "=HYPERLINK(...)" stays text.
/// </summary>
public static class CaseloadCsv
{
    public static string Caseload(IEnumerable<CaseSummary> cases)
    {
        var csv = new StringBuilder();
        SafeCsv.Line(csv, "applicantId", "firstName", "lastName", "status", "owner", "team", "nextAction", "nextActionDue", "actionOverdue", "contactOverdue");
        foreach (var c in cases)
        {
            SafeCsv.Line(csv, c.ApplicantId, c.FirstName, c.LastName, c.Status.ToString(), c.OwnerId, c.Team ?? string.Empty, c.NextAction ?? string.Empty,
                c.NextActionDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, Yes(c.ActionOverdue), Yes(c.ContactOverdue));
        }

        return csv.ToString();
    }

    public static string Counts(ProgrammeCounts counts)
    {
        var csv = new StringBuilder();
        SafeCsv.Line(csv, "measure", "value");
        SafeCsv.Line(csv, "caseManaged", Number(counts.CaseManaged));
        SafeCsv.Line(csv, "engaged", Number(counts.Engaged));
        foreach (var (status, n) in counts.CasesByStatus)
        {
            SafeCsv.Line(csv, $"cases{status}", Number(n));
        }

        foreach (var (type, n) in counts.Interventions)
        {
            SafeCsv.Line(csv, $"intervention{type}", Number(n));
        }

        foreach (var (type, n) in counts.Outcomes)
        {
            SafeCsv.Line(csv, $"outcome{type}", Number(n));
        }

        return csv.ToString();
    }

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
