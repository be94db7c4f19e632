using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Web.Components.Forms;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// The workforce figures for the period in the GET filter (<paramref name="Filters"/>: "from" and "to"). Every table
/// in <paramref name="Dashboard"/> is already disclosure controlled; it is null while the filter has errors.
/// </summary>
public sealed record StaffFiguresPage(FormView Filters, FiguresDashboard? Dashboard) : StaffPage
{
    public override string Title => "Workforce figures";

    /// <summary>The period's query string, kept on every CSV link so the download is the table on the screen.</summary>
    public string Query => Dashboard is { } d ? $"?from={d.Period.From:yyyy-MM-dd}&to={d.Period.To:yyyy-MM-dd}" : string.Empty;
}
