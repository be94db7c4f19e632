using System.Text;

namespace CareersPipeline.Core;

/// <summary>
/// CSV for spreadsheets, in the kernel so any feature can export without importing another. Every cell is quoted, and
/// one that a spreadsheet would read as a formula (starting =, +, -, @, tab or carriage return) gets a leading
/// apostrophe (OWASP CSV injection).
/// </summary>
public static class SafeCsv
{
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Appends one line, ended with CRLF as RFC 4180 asks.</summary>
    public static void Line(StringBuilder csv, params string[] cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
