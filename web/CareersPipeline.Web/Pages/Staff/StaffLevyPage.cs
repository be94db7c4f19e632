using CareersPipeline.Core.Features.LevyTransfers;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// An employer's levy transfers: the pledges they made (with what remains), the applications to them awaiting a decision,
/// and, as an applicant, the applications they made.
/// </summary>
public sealed record StaffLevyPage(IReadOnlyList<PledgeView> Pledges, IReadOnlyList<ApplicationView> Awaiting, IReadOnlyList<ApplicationView> Yours) : StaffPage
{
    public override string Title => "Levy transfers";
}
