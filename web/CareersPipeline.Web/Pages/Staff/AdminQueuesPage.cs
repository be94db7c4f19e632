using CareersPipeline.Core.Features.Administration;

namespace CareersPipeline.Web.Pages.Staff;

/// <summary>
/// Queues with messages that failed every attempt, each with its oldest messages and their last error.
/// <paramref name="Sent"/> is how many the admin just sent back, after the redirect.
/// </summary>
public sealed record AdminQueuesPage(IReadOnlyList<PoisonQueueContents> Queues, int? Sent) : StaffPage
{
    public override string Title => "Failed messages";
}
