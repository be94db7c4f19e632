using CareersPipeline.Core.Email;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.Outbox;

/// <summary>
/// Local mode only: the outbox a developer reads in the browser when no SendGrid key is set. Not a function,
/// so it is never deployed behind the Functions host.
/// </summary>
public static class OutboxPages
{
    public static void MapOutbox(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/dev/outbox", ListAsync).ExcludeFromDescription();
        endpoints.MapGet("/dev/outbox.json", async (OutboxReader outbox, CancellationToken ct) => Results.Json(await outbox.ListAsync(200, ct))).ExcludeFromDescription();
        endpoints.MapGet("/dev/outbox/{id}", ShowAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(OutboxReader outbox, CancellationToken cancellationToken) =>
        new PageResult(new LocalOutboxPage(await outbox.ListAsync(200, cancellationToken)));

    private static async Task<IResult> ShowAsync(string id, OutboxReader outbox, CancellationToken cancellationToken)
    {
        var item = (await outbox.ListAsync(1000, cancellationToken)).FirstOrDefault(i => i.Id == id);
        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not in the outbox")
            : new PageResult(new LocalEmailPage(item));
    }
}
