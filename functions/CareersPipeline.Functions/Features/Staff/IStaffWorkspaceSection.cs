using CareersPipeline.Core.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>
/// A feature's part of the staff workspace: its link in the navigation and its cards on the home page, for the roles it
/// serves. Registered in the composition root (Hosting/FunctionApp), so this kernel folder names no feature.
/// </summary>
public interface IStaffWorkspaceSection
{
    /// <summary>The section's navigation link for this person, or null when their roles do not reach it.</summary>
    StaffLink? NavigationFor(StaffPrincipal staff);

    /// <summary>What needs this person's attention in the section; none when nothing does or their roles do not reach it.</summary>
    Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken);
}
