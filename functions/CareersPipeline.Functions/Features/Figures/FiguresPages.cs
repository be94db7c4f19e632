using CareersPipeline.Core;
using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Components.Forms;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Figures;

/// <summary>
/// The figures dashboard: one GET page, its date filter a GET form (works without JavaScript), the API's figures
/// (<see cref="FiguresFunctions"/>) through the same <see cref="FiguresService"/>.
/// </summary>
public static class FiguresPages
{
    public const string Root = "/staff/figures";

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("StaffFigures", "GET", "staff/figures", DashboardAsync, b => b.RequireStaffPage(FiguresFunctions.Readers)),
    ];

    private static async Task<IResult> DashboardAsync(HttpContext http, string? from, string? to, FiguresService figures, CancellationToken ct)
    {
        switch (figures.Period(from, to))
        {
            case Result<FiguresPeriod>.Ok ok:
                var dashboard = await figures.DashboardAsync(ok.Value, ct);
                return StaffHtml.Page(http, new StaffFiguresPage(Filters(Iso(ok.Value.From), Iso(ok.Value.To), new Dictionary<string, string[]>()), dashboard));
            case Result<FiguresPeriod>.Invalid invalid:
                return StaffHtml.Page(http, new StaffFiguresPage(Filters(from, to, invalid.Errors), null), StatusCodes.Status400BadRequest);
            default:
                return StaffHtml.NotFound(http);
        }
    }

    private static FormView Filters(string? from, string? to, IReadOnlyDictionary<string, string[]> errors) =>
        FormView.Of(new Dictionary<string, string[]> { ["from"] = [from ?? string.Empty], ["to"] = [to ?? string.Empty] }, errors);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
