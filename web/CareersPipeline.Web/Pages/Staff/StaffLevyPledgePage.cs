using CareersPipeline.Core.Features.LevyTransfers;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>One of the employer's pledges: the amount, what is reserved and what remains, and every application received with its match.</summary>
public sealed record StaffLevyPledgePage(PledgeView Pledge, IReadOnlyList<ApplicationView> Applications) : StaffPage
{
    public override string Title => $"Pledge of {LevyMoney.Format(Pledge.Amount)}";
}
