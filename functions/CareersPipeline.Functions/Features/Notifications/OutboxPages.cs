using System.Net;
using System.Text;
using CareersPipeline.Core.Email;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareersPipeline.Functions.Features.Notifications;

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

    private static async Task<IResult> ListAsync(OutboxReader outbox, CancellationToken cancellationToken)
    {
        var items = await outbox.ListAsync(200, cancellationToken);
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Local outbox</title></head><body><h1>Local outbox</h1>")
            .Append("<p>Emails the app would have sent through SendGrid, newest first.</p><table><thead><tr><th>Sent</th><th>To</th><th>Kind</th><th>Subject</th></tr></thead><tbody>");
        foreach (var item in items)
        {
            html.Append("<tr><td>").Append(item.CreatedAt.ToString("u")).Append("</td><td>").Append(WebUtility.HtmlEncode(item.To))
                .Append("</td><td>").Append(item.Kind).Append("</td><td><a href=\"/dev/outbox/").Append(item.Id).Append("\">")
                .Append(WebUtility.HtmlEncode(item.Subject)).Append("</a></td></tr>");
        }

        return Results.Content(html.Append("</tbody></table></body></html>").ToString(), "text/html; charset=utf-8");
    }

    private static async Task<IResult> ShowAsync(string id, OutboxReader outbox, CancellationToken cancellationToken)
    {
        var item = (await outbox.ListAsync(1000, cancellationToken)).FirstOrDefault(i => i.Id == id);
        return item is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not in the outbox")
            : Results.Content(
                $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(item.Subject)}</title></head><body>"
                + $"<p><a href=\"/dev/outbox\">Back to the outbox</a></p><p>To: {WebUtility.HtmlEncode(item.To)}<br>Subject: {WebUtility.HtmlEncode(item.Subject)}</p><hr>{item.Html}</body></html>",
                "text/html; charset=utf-8");
    }
}
