using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Opportunities;

/// <summary>Opportunities in the staff workspace: for employers (and admins), drafts to finish and live vacancies closing soon.</summary>
public sealed class OpportunityWorkspaceSection(OpportunityService service, TimeProvider time) : IStaffWorkspaceSection
{
    public StaffLink? NavigationFor(StaffPrincipal staff) =>
        staff.IsInAnyRole([StaffRole.Employer, StaffRole.Admin]) ? new StaffLink(OpportunityPages.Root, "Opportunities") : null;

    public async Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!staff.IsInAnyRole([StaffRole.Employer, StaffRole.Admin]))
        {
            return [];
        }

        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var shelves = (await service.ListAsync(staff, null, cancellationToken)).GroupBy(o => OpportunityShelves.Of(o, today)).ToDictionary(g => g.Key, g => g.Count());
        int Count(OpportunityShelf shelf) => shelves.GetValueOrDefault(shelf);
        return
        [
            new StaffCard("Drafts", "Vacancies not yet published: finish and publish them.", $"{OpportunityPages.Root}?shelf=draft", Count(OpportunityShelf.Draft)),
            new StaffCard("Closing soon", $"Live vacancies that close in the next {OpportunityShelves.ClosingSoonDays} days.", $"{OpportunityPages.Root}?shelf=closingsoon", Count(OpportunityShelf.ClosingSoon)),
            new StaffCard("Live", "Vacancies people can see and apply for now.", $"{OpportunityPages.Root}?shelf=live", Count(OpportunityShelf.Live)),
        ];
    }
}
