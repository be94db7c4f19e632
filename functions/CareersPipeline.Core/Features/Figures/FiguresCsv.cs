using System.Text;

namespace CareersPipeline.Core.Features.Figures;

/// <summary>A published table as CSV: the same cells the page shows (so "&lt;5" and "*" too), every cell made safe for spreadsheets.</summary>
public static class FiguresCsv
{
    public static string Of(FigureTable table, FiguresPeriod period)
    {
        var csv = new StringBuilder();
        SafeCsv.Line(csv, table.Title, $"{period.From:yyyy-MM-dd} to {period.To:yyyy-MM-dd}");
        SafeCsv.Line(csv, [.. table.Columns]);
        foreach (var row in table.Rows)
        {
            SafeCsv.Line(csv, [row.Label, .. row.Cells.Select(c => c.Text)]);
        }

        return csv.ToString();
    }
}
