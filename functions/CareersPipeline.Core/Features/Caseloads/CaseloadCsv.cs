using System.Globalization;
using System.Text;

namespace CareersPipeline.Core.Features.Caseloads;

/// <summary>
/// Caseload and programme counts as CSV for spreadsheets. Every cell is quoted, and one that a spreadsheet would read as
/// a formula (starting =, +, -, @, tab or carriage return) gets a leading apostrophe, so a name typed as
/// "=HYPERLINK(...)" stays text (OWASP CSV injection).
/// </summary>
public static class CaseloadCsv
{
    public static string Caseload(IEnumerable<CaseSummary> cases)
    {
        var csv = new StringBuilder();
        Line(csv, "applicantId", "firstName", "lastName", "status", "owner", "team", "nextAction", "nextActionDue", "actionOverdue", "contactOverdue");
        foreach (var c in cases)
        {
            Line(csv, c.ApplicantId, c.FirstName, c.LastName, c.Status.ToString(), c.OwnerId, c.Team ?? string.Empty, c.NextAction ?? string.Empty,
                c.NextActionDue?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty, Yes(c.ActionOverdue), Yes(c.ContactOverdue));
        }

        return csv.ToString();
    }

    public static string Counts(ProgrammeCounts counts)
    {
        var csv = new StringBuilder();
        Line(csv, "measure", "value");
        Line(csv, "caseManaged", Number(counts.CaseManaged));
        Line(csv, "engaged", Number(counts.Engaged));
        foreach (var (status, n) in counts.CasesByStatus)
        {
            Line(csv, $"cases{status}", Number(n));
        }

        foreach (var (type, n) in counts.Interventions)
        {
            Line(csv, $"intervention{type}", Number(n));
        }

        foreach (var (type, n) in counts.Outcomes)
        {
            Line(csv, $"outcome{type}", Number(n));
        }

        return csv.ToString();
    }

    /// <summary>The cell as a spreadsheet will read it safely: quoted, quotes doubled, formulas defused.</summary>
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder csv, params string[] cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
