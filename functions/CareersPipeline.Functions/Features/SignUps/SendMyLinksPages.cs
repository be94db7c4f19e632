using CareersPipeline.Core;
using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.SignUps;

/// <summary>
/// "Send me my links": a form for browsers and JSON for clients. Every well-formed address gets the same answer, and
/// the per-address limit applies, so it can neither tell who is registered nor flood anyone's inbox.
/// </summary>
public static class SendMyLinksPages
{
    public static IResult Form(HttpRequest request) =>
        LinkPages.HtmlPage(request, new SendMyLinksPage(null, new Dictionary<string, string[]>(), Sent: false));

    public static async Task<IResult> SendAsync(HttpRequest request, LinkRequests requests, CancellationToken cancellationToken)
    {
        string? email;
        var form = request.HasFormContentType;
        if (form)
        {
            email = (await request.ReadFormAsync(cancellationToken))["email"].ToString();
        }
        else
        {
            var (body, problem) = await JsonBody.ReadAsync<SendMyLinksRequest>(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }

            email = body!.Email;
        }

        if (AbuseLimits.CheckAddress(request.HttpContext, email) is { } tooMany)
        {
            return tooMany;
        }

        var result = await requests.RequestAsync(email, cancellationToken);
        if (form)
        {
            return result is Result<bool>.Invalid invalid
                ? LinkPages.HtmlPage(request, new SendMyLinksPage(email, invalid.Errors, Sent: false), StatusCodes.Status400BadRequest)
                : LinkPages.HtmlPage(request, new SendMyLinksPage(email, new Dictionary<string, string[]>(), Sent: true));
        }

        return result is Result<bool>.Ok ? TypedResults.Accepted((string?)null, new SendMyLinksAccepted(SendMyLinksAccepted.Sent)) : result.ToHttp();
    }
}

/// <summary>The JSON body of "send me my links".</summary>
public sealed record SendMyLinksRequest(string? Email);

/// <summary>The 202 body: the same for every well-formed address.</summary>
public sealed record SendMyLinksAccepted(string Message)
{
    public const string Sent = "If that address has signed up with us, we have sent it an email with new links.";
}
