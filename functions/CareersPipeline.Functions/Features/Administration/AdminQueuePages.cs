using CareersPipeline.Core;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Pages.Staff;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// The failed messages page: each queue's poisoned messages with their last error, and buttons that send them back
/// (one, or all of a queue), as <see cref="PoisonMessageFunctions"/> does for the API.
/// </summary>
public static class AdminQueuePages
{
    public const string Root = PoisonAlertJob.PagePath;

    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.Page("AdminQueues", "GET", "staff/admin/queues", ListAsync, Guard),
        HttpFunction.Page("AdminQueueRequeue", "POST", "staff/admin/queues/{queue}/requeue", (HttpContext h, string queue, PoisonMessages p, CancellationToken ct) => RequeueAsync(h, queue, null, p, ct), Guard),
        HttpFunction.Page("AdminQueueRequeueOne", "POST", "staff/admin/queues/{queue}/{messageId}/requeue", (HttpContext h, string queue, string messageId, PoisonMessages p, CancellationToken ct) => RequeueAsync(h, queue, messageId, p, ct), Guard),
    ];

    private static void Guard(RouteHandlerBuilder builder) => builder.RequireStaffPage(StaffRole.Admin);

    private static async Task<IResult> ListAsync(HttpContext http, int? sent, PoisonMessages poison, CancellationToken ct) =>
        StaffHtml.Page(http, new AdminQueuesPage(await poison.ListAsync(ct), sent is >= 0 ? sent : null));

    private static async Task<IResult> RequeueAsync(HttpContext http, string queue, string? messageId, PoisonMessages poison, CancellationToken ct) =>
        await poison.RequeueAsync(queue, messageId, ct) switch
        {
            Result<int>.Ok ok => StaffHtml.SeeOther(http, $"{Root}?sent={ok.Value}"),
            Result<int>.NotFound notFound => StaffHtml.Message(http, StatusCodes.Status404NotFound, "Nothing was sent back", notFound.Detail, new StaffLink(Root, "Back to failed messages")),
            _ => StaffHtml.NotFound(http),
        };
}
