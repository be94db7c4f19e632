using CareersPipeline.Core;
using CareersPipeline.Core.Features.Administration;
using CareersPipeline.Core.Staff;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Features.Staff;
using CareersPipeline.Functions.Runtime;

namespace CareersPipeline.Functions.Features.Administration;

/// <summary>
/// Messages that failed every attempt (issue 18: poison queues are not a black hole): list them with their last error,
/// send them back to their queue, and the timer that raises the alarm. Admins only; the page is
/// <see cref="AdminQueuePages"/>, the command <c>poison</c>.
/// </summary>
public static class PoisonMessageFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("ManagePoisonMessages", "GET", "manage/poison-messages", ListAsync, b => b.RequireStaff(StaffRole.Admin).Produces<IReadOnlyList<PoisonQueueContents>>()
            .WithSummary("Queues with messages that failed every attempt: how many, and the oldest 32 of each with their last error")),
        HttpFunction.For("ManageRequeuePoisonMessages", "POST", "manage/poison-messages/{queue}/requeue", (string queue, PoisonMessages poison, CancellationToken ct) => RequeueAsync(queue, null, poison, ct),
            b => b.RequireStaff(StaffRole.Admin).Produces<RequeueResponse>().ProducesProblem(404).WithSummary("Send every poisoned message of a queue back to it")),
        HttpFunction.For("ManageRequeuePoisonMessage", "POST", "manage/poison-messages/{queue}/{messageId}/requeue", (string queue, string messageId, PoisonMessages poison, CancellationToken ct) => RequeueAsync(queue, messageId, poison, ct),
            b => b.RequireStaff(StaffRole.Admin).Produces<RequeueResponse>().ProducesProblem(404).WithSummary("Send one poisoned message back to its queue")),
        new TimerFunction("AlertPoisonMessages", "POISON_ALERT_SCHEDULE", (services, _, ct) => services.GetRequiredService<PoisonAlertJob>().RunAsync(ct)),
    ];

    private static async Task<IResult> ListAsync(PoisonMessages poison, CancellationToken ct) => TypedResults.Ok(await poison.ListAsync(ct));

    private static async Task<IResult> RequeueAsync(string queue, string? messageId, PoisonMessages poison, CancellationToken ct) =>
        (await poison.RequeueAsync(queue, messageId, ct)) switch
        {
            Result<int>.Ok ok => TypedResults.Ok(new RequeueResponse(queue, ok.Value)),
            var other => other.ToHttp(),
        };
}
