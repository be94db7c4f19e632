using System.Net;
using System.Text;
using CareersPipeline.Core.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CareersPipeline.Functions.Features.Staff;

/// <summary>Local mode only: the seeded staff a developer can act as, and how.</summary>
public static class DevSignInPage
{
    public static void MapDevSignIn(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/dev/sign-in", async (StaffDirectory directory, CancellationToken ct) =>
        {
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Development sign-in</title></head><body>")
                .Append("<h1>Development sign-in</h1><p>Local mode only. Send the header <code>")
                .Append(StaffAuthentication.DevUserHeader).Append(": &lt;subject id&gt;</code> to act as one of these staff:</p><table><tr><th>Subject id</th><th>Name</th><th>Roles</th><th>Organisations</th></tr>");
            foreach (var staff in await directory.ListAsync(ct))
            {
                html.Append("<tr><td><code>").Append(WebUtility.HtmlEncode(staff.SubjectId)).Append("</code></td><td>").Append(WebUtility.HtmlEncode(staff.DisplayName))
                    .Append("</td><td>").Append(string.Join(", ", staff.Roles)).Append("</td><td>").Append(WebUtility.HtmlEncode(string.Join(", ", staff.EmployerCodes))).Append("</td></tr>");
            }

            return Results.Content(html.Append("</table></body></html>").ToString(), "text/html; charset=utf-8");
        }).ExcludeFromDescription();
}
