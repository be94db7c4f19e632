using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.Features.Opportunities;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Opportunities;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Applications;

/// <summary>
/// Applications on the workspace's home: for employers (and admins), how many applications wait for a first decision
/// (submitted or in review). No navigation link of its own: applicants are reached from each opportunity.
/// </summary>
public sealed class ApplicationWorkspaceSection(OpportunityService opportunities, ApplicationStore store) : IStaffWorkspaceSection
{
    private static readonly StaffRole[] Employers = [StaffRole.Employer, StaffRole.Admin];

    public StaffLink? NavigationFor(StaffPrincipal staff) => null;

    public async Task<IReadOnlyList<StaffCard>> CardsAsync(StaffPrincipal staff, CancellationToken cancellationToken)
    {
        if (!staff.IsInAnyRole(Employers))
        {
            return [];
        }

        // One partition read per published opportunity the person acts for, a few at a time: an employer has tens, not
        // thousands, and drafts and archived ones cannot have applications waiting.
        var published = (await opportunities.ListAsync(staff, null, cancellationToken))
            .Where(o => o.Status is OpportunityStatus.Live or OpportunityStatus.Closed)
            .ToList();
        var counts = new int[published.Count];
        await Parallel.ForAsync(0, published.Count, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (i, ct) =>
            counts[i] = (await store.ListAsync(published[i].Id, ct))
                .Count(a => !a.Value.AppliedElsewhere && a.Value.Status is ApplicationStatus.Submitted or ApplicationStatus.InReview));
        var waiting = published.Select((o, i) => (OpportunityId: o.Id, Count: counts[i])).Where(w => w.Count > 0).ToList();

        var href = waiting.Count == 1 ? $"{OpportunityPages.Root}/{waiting[0].OpportunityId}/applicants" : $"{OpportunityPages.Root}?shelf=live";
        var description = waiting.Count > 1
            ? $"New or in review, across {waiting.Count} vacancies: open a vacancy, then its applicants."
            : "New or in review: shortlist them, or tell them they were unsuccessful.";
        return [new StaffCard("Applications to review", description, href, waiting.Sum(w => w.Count))];
    }
}
