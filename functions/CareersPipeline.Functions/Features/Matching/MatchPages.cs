using CareersPipeline.Core.Features.Matching;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.Matching;

/// <summary>
/// The pages behind the links in match emails. Like every link page, GET only shows and POST acts (mail scanners
/// follow links); browsers get HTML and forms that work without JavaScript, API clients JSON or problem details.
/// </summary>
public static class MatchPages
{
    public static async Task<IResult> ShowAsync(HttpRequest request, string? token, PersonMatches service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveAsync(token, unsubscribeLink: false, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        var view = await service.ViewAsync(applicant, cancellationToken);
        return LinkPages.Page(request, StatusCodes.Status200OK, new MatchesPage(view, LinkPages.Query(token)), view);
    }

    public static Task<IResult> SaveAsync(HttpRequest request, string candidateId, string? token, PersonMatches service, CancellationToken cancellationToken) =>
        SaveOrUnsaveAsync(request, candidateId, token, save: true, service, cancellationToken);

    public static Task<IResult> UnsaveAsync(HttpRequest request, string candidateId, string? token, PersonMatches service, CancellationToken cancellationToken) =>
        SaveOrUnsaveAsync(request, candidateId, token, save: false, service, cancellationToken);

    public static async Task<IResult> PreferencesAsync(HttpRequest request, string? token, PersonMatches service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveAsync(token, unsubscribeLink: false, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        var (change, problem) = await ReadPreferencesAsync(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        return await service.SetPreferencesAsync(applicant, change!, cancellationToken) switch
        {
            PreferencesOutcome.Saved => request.HasFormContentType
                ? BackToMatches(request, token, "#preferences")
                : TypedResults.Accepted((string?)null, new StatusResponse("Saved; matching again")),
            PreferencesOutcome.Invalid invalid => request.HasFormContentType
                ? LinkPages.Problem(request, StatusCodes.Status400BadRequest, "Check your answer", string.Concat(invalid.Errors.Values.SelectMany(e => e)))
                : TypedResults.ValidationProblem(invalid.Errors, title: "Some answers need correcting"),
            _ => NotActive(request),
        };
    }

    public static async Task<IResult> UnsubscribeAsync(HttpRequest request, string? token, PersonMatches service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveAsync(token, unsubscribeLink: true, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return LinkPages.HtmlPage(request, new MessagePage("Stop emails about matches",
                ["We will stop emailing you about opportunities that match you. You can still see your matches through the link in an earlier email, and start the emails again there."],
                LinkPages.Button(token, "Stop emails about matches")));
        }

        // The one-click POST of RFC 8058 carries "List-Unsubscribe=One-Click"; a press of the button above carries nothing.
        var changed = await service.UnsubscribeAsync(applicant, cancellationToken);
        return LinkPages.Page(request, StatusCodes.Status200OK, changed ? "You will not get emails about matches" : "Already stopped",
            "We will not email you about matches again unless you ask us to. Emails about things you do, such as confirming your address, still come.",
            new StatusResponse(changed ? "Unsubscribed" : "AlreadyUnsubscribed"));
    }

    public static async Task<IResult> ResubscribeAsync(HttpRequest request, string? token, PersonMatches service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveAsync(token, unsubscribeLink: false, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        await service.ResubscribeAsync(applicant, cancellationToken);
        return request.HasFormContentType || LinkPages.WantsHtml(request) ? BackToMatches(request, token, "#emails") : TypedResults.Ok(new StatusResponse("Subscribed"));
    }

    private static async Task<IResult> SaveOrUnsaveAsync(HttpRequest request, string candidateId, string? token, bool save, PersonMatches service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveAsync(token, unsubscribeLink: false, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        return await service.SaveAsync(applicant, candidateId, save, cancellationToken) switch
        {
            SaveOutcome.Done => request.HasFormContentType || LinkPages.WantsHtml(request)
                ? BackToMatches(request, token, $"#m-{Uri.EscapeDataString(candidateId)}")
                : TypedResults.Ok(new StatusResponse(save ? "Saved" : "NotSaved")),
            SaveOutcome.NotOpen => LinkPages.Problem(request, StatusCodes.Status409Conflict, "Not open", "That opening has closed or does not exist, so it cannot be saved."),
            _ => NotActive(request),
        };
    }

    private static async Task<(PreferencesChange? Change, IResult? Problem)> ReadPreferencesAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return await JsonBody.ReadAsync<PreferencesChange>(request, cancellationToken);
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var miles = form["travelMiles"].ToString();
        var licence = form["drivingLicence"].ToString();
        if (miles.Length > 0 && !int.TryParse(miles, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            return (null, LinkPages.Problem(request, StatusCodes.Status400BadRequest, "Check your answer", "Give how far you will travel as a whole number of miles, such as 10."));
        }

        return (new PreferencesChange(
            miles.Length > 0 ? int.Parse(miles, System.Globalization.CultureInfo.InvariantCulture) : null,
            licence switch { "yes" => true, "no" => false, _ => null }), null);
    }

    private static IResult BackToMatches(HttpRequest request, string? token, string anchor)
    {
        LinkPages.NoStore(request);
        return Results.Redirect($"/api/matches{LinkPages.Query(token)}{anchor}", permanent: false, preserveMethod: false);
    }

    private static IResult NotActive(HttpRequest request) =>
        LinkPages.Problem(request, StatusCodes.Status409Conflict, "Not ready yet", "We are still setting up your sign-up (for an under-16, until a parent or guardian agrees). Try again later.");
}
