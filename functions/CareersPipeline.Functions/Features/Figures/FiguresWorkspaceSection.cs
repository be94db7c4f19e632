using CareersPipeline.Core.Features.Figures;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Figures;

/// <summary>The figures in the staff workspace: a link and a home card for admins and programme leads.</summary>
public sealed class FiguresWorkspaceSection(FiguresService figures, TimeProvider time) : IStaffWorkspaceSection
{
    public StaffLink? NavigationFor(StaffPrincipal staff) => staff.IsInAnyRole(FiguresFunctions.Readers) ? new StaffLink(FiguresPages.Root, "Figures") : null;

    public async Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!staff.IsInAnyRole(FiguresFunctions.Readers))
        {
            return [];
        }

        // The last four weeks' sign-ups, published like every other figure: a small number is "fewer than 5", not a count.
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var dashboard = await figures.DashboardAsync(new FiguresPeriod(today.AddDays(-27), today), cancellationToken);
        var total = dashboard.Table("signups-by-door")?.Rows[^1].Cells[2];
        var description = total?.Value is null
            ? "Sign-ups, the funnel from sign-up to starting work, and time to offer. Fewer than 5 sign-ups in the last four weeks."
            : $"Sign-ups, the funnel from sign-up to starting work, and time to offer. About {total.Text} sign-ups in the last four weeks.";
        return [new StaffCard("Workforce figures", description, FiguresPages.Root)];
    }
}
