using CareersPipeline.Core;
using CareersPipeline.Core.Features.Applications;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Runtime;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.Applications;

/// <summary>
/// The person's side of applying, behind their signed link (an applications link, or the matches page's): the apply
/// form, their applications, and the answers they give. GET only shows and POST acts (mail scanners follow links);
/// browsers get pages and forms that work without JavaScript, API clients JSON or problem details.
/// </summary>
public static class ApplicationLinkPages
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        HttpFunction.For("MyApplications", "GET", "applications", ListAsync, b => Link(b).Produces<IReadOnlyList<PersonApplicationView>>(200, "application/json", "text/html")
            .WithSummary("The person's applications, what happens next and what they can do, behind the link in their emails")),
        HttpFunction.For("StartApplication", "GET", "applications/apply/{opportunityId}", StartAsync, b => Link(b).Produces<ApplyStart>(200, "application/json", "text/html").ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Whether the person may apply, with the answers to start from")),
        HttpFunction.For("Apply", "POST", "applications/apply/{opportunityId}", ApplyAsync, b => Acts(Link(b)).Accepts<ApplicationInput>("application/json", "application/x-www-form-urlencoded").Produces<PersonApplicationView>(201)
            .WithSummary("Apply (applying again returns the existing application)")),
        HttpFunction.For("AppliedElsewhere", "POST", "applications/apply/{opportunityId}/applied-elsewhere", AppliedElsewhereAsync, b => Acts(Link(b)).Produces<PersonApplicationView>(201)
            .WithSummary("Record that the person applied for a national vacancy on Find an apprenticeship")),
        HttpFunction.For("WithdrawApplication", "POST", "applications/{applicationId}/withdraw", (HttpRequest r, string applicationId, string? token, PersonApplications s, CancellationToken ct) =>
            ActAsync(r, token, s, (a, c) => s.WithdrawAsync(a, applicationId, c), ct), b => Acts(Link(b)).Produces<PersonApplicationView>()),
        HttpFunction.For("AcceptOffer", "POST", "applications/{applicationId}/offer/accept", (HttpRequest r, string applicationId, string? token, PersonApplications s, CancellationToken ct) =>
            ActAsync(r, token, s, (a, c) => s.AcceptOfferAsync(a, applicationId, c), ct), b => Acts(Link(b)).Produces<PersonApplicationView>()),
        HttpFunction.For("DeclineOffer", "POST", "applications/{applicationId}/offer/decline", (HttpRequest r, string applicationId, string? token, PersonApplications s, CancellationToken ct) =>
            ActAsync(r, token, s, (a, c) => s.DeclineOfferAsync(a, applicationId, c), ct), b => Acts(Link(b)).Produces<PersonApplicationView>()),
        HttpFunction.For("AcceptInterview", "POST", "applications/{applicationId}/interview/accept", (HttpRequest r, string applicationId, string? token, PersonApplications s, CancellationToken ct) =>
            ActAsync(r, token, s, (a, c) => s.AcceptInterviewAsync(a, applicationId, c), ct), b => Acts(Link(b)).Produces<PersonApplicationView>()),
        HttpFunction.For("ApplyByEmailForm", "GET", "applications/start/{opportunityId}", ApplyByEmailFormAsync, b => b.Produces(200, contentType: "text/html").ProducesProblem(404)
            .WithSummary("\"Apply\" on the site's opportunity page: the form that asks for the person's email address")),
        HttpFunction.For("ApplyByEmail", "POST", "applications/start/{opportunityId}", ApplyByEmailAsync, b => b.Accepts<ApplyByEmailRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<ApplyByEmailAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Email the person a link to continue their application; the same answer whether or not the address is registered")),
        HttpFunction.For("AskAnotherInterviewTime", "POST", "applications/{applicationId}/interview/another-time", AnotherTimeAsync, b => Acts(Link(b)).Accepts<AnotherTimeInput>("application/json", "application/x-www-form-urlencoded").Produces<PersonApplicationView>()),
    ];

    private static RouteHandlerBuilder Link(RouteHandlerBuilder builder) =>
        builder.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status410Gone);

    private static RouteHandlerBuilder Acts(RouteHandlerBuilder builder) =>
        builder.Produces(StatusCodes.Status303SeeOther).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(409);

    private static async Task<IResult> ListAsync(HttpRequest request, string? token, PersonApplications service, CancellationToken ct)
    {
        var (result, applicant) = await service.ResolveAsync(token, ct);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        var applications = await service.ListAsync(applicant, ct);
        return LinkPages.Page(request, StatusCodes.Status200OK, new ApplicationsPage(applications, LinkPages.Query(token)), applications);
    }

    private static async Task<IResult> StartAsync(HttpRequest request, string opportunityId, string? token, PersonApplications service, CancellationToken ct)
    {
        var (result, applicant) = await service.ResolveAsync(token, ct);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        return await service.StartAsync(applicant, opportunityId, ct) switch
        {
            Result<ApplyStart>.Ok ok => LinkPages.Page(request, StatusCodes.Status200OK, QuestionPage(ok.Value, applicant, ok.Value.Prefilled, ApplyStep.Why, token), ok.Value),
            var refused => Refused(request, refused),
        };
    }

    /// <summary>
    /// JSON sends the application. A form is one of the question pages: "step" names the page it came from and
    /// "goto" a page to show (the check page's Change, or Back); only the check page's Send (step=check, no goto) or a
    /// form with no step at all sends. Moving between pages stores nothing: the draft is in the forms' hidden fields.
    /// </summary>
    private static async Task<IResult> ApplyAsync(HttpRequest request, string opportunityId, string? token, PersonApplications service, CancellationToken ct)
    {
        var (result, applicant) = await service.ResolveAsync(token, ct);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        if (!request.HasFormContentType)
        {
            var (json, problem) = await JsonBody.ReadAsync<ApplicationInput>(request, ct);
            return problem ?? Done(request, token, await service.ApplyAsync(applicant, opportunityId, json!, ct));
        }

        var form = await request.ReadFormAsync(ct);
        var input = new ApplicationInput(
            form["whyThisRole"], form["paidExperience"], form["voluntaryExperience"], form["caringExperience"], form["studyExperience"], form["whenCanStart"], form["interviewAdjustments"]);
        var step = (string?)form["step"];
        var go = (string?)form["goto"];
        var navigating = !string.IsNullOrEmpty(go) || (!string.IsNullOrEmpty(step) && ApplySteps.Parse(step) != ApplyStep.Check);
        if (navigating)
        {
            // Closed since the first page: say so now rather than after four more.
            var checkedAgain = await service.StartAsync(applicant, opportunityId, ct);
            if (checkedAgain is not Result<ApplyStart>.Ok start)
            {
                return Refused(request, checkedAgain);
            }

            var current = ApplySteps.Parse(step);
            if (!string.IsNullOrEmpty(go))
            {
                return LinkPages.HtmlPage(request, QuestionPage(start.Value, applicant, input, ApplySteps.Parse(go), token) with { ReturnToCheck = current == ApplyStep.Check && step is not null });
            }

            var errors = ApplySteps.ErrorsOf(current, input);
            var returnToCheck = form["returnToCheck"] == "true";
            return errors.Count > 0
                ? LinkPages.HtmlPage(request, QuestionPage(start.Value, applicant, input, current, token) with { Errors = errors, ReturnToCheck = returnToCheck }, StatusCodes.Status400BadRequest)
                : LinkPages.HtmlPage(request, QuestionPage(start.Value, applicant, input, ApplySteps.Next(current, returnToCheck), token));
        }

        var applied = await service.ApplyAsync(applicant, opportunityId, input, ct);
        if (applied is Result<Applied>.Invalid invalid
            && await service.StartAsync(applicant, opportunityId, ct) is Result<ApplyStart>.Ok again)
        {
            // The first page with a problem, the answers kept and each problem beside its question.
            return LinkPages.HtmlPage(request, QuestionPage(again.Value, applicant, input, ApplySteps.FirstWithErrors(invalid.Errors), token) with { Errors = invalid.Errors }, StatusCodes.Status400BadRequest);
        }

        return Done(request, token, applied);
    }

    private static ApplyPage QuestionPage(ApplyStart start, ApplicantEntity applicant, ApplicationInput answers, ApplyStep step, string? token) =>
        new(start, answers, new Dictionary<string, string[]>(), LinkPages.Query(token))
        {
            Step = step,
            Details = new ApplicantDetails($"{applicant.FirstName} {applicant.LastName}".Trim(), applicant.Email, applicant.Phone),
        };

    private static async Task<IResult> ApplyByEmailFormAsync(HttpRequest request, string opportunityId, ApplicationRequests requests, CancellationToken ct) =>
        await requests.OpportunityAsync(opportunityId, ct) is { } opportunity
            ? LinkPages.HtmlPage(request, new ApplyByEmailPage(opportunity, null, new Dictionary<string, string[]>(), Sent: false))
            : LinkPages.Problem(request, StatusCodes.Status404NotFound, "Not found", ApplicationMessages.OpportunityNotFound);

    /// <summary>As "send me my links": the per-address limit, and the same answer for every well-formed address.</summary>
    private static async Task<IResult> ApplyByEmailAsync(HttpRequest request, string opportunityId, ApplicationRequests requests, CancellationToken ct)
    {
        var form = request.HasFormContentType;
        var (body, problem) = await ReadAsync<ApplyByEmailRequest>(request, f => new ApplyByEmailRequest(f["email"]), ct);
        if (problem is not null)
        {
            return problem;
        }

        if (AbuseLimits.CheckAddress(request.HttpContext, body!.Email) is { } tooMany)
        {
            return tooMany;
        }

        var result = await requests.RequestAsync(opportunityId, body.Email, ct);
        if (!form)
        {
            return result is Result<bool>.Ok ? TypedResults.Accepted((string?)null, new ApplyByEmailAccepted(ApplyByEmailAccepted.Sent)) : result.ToHttp();
        }

        if (await requests.OpportunityAsync(opportunityId, ct) is not { } opportunity)
        {
            return LinkPages.Problem(request, StatusCodes.Status404NotFound, "Not found", ApplicationMessages.OpportunityNotFound);
        }

        return result is Result<bool>.Invalid invalid
            ? LinkPages.HtmlPage(request, new ApplyByEmailPage(opportunity, body.Email, invalid.Errors, Sent: false), StatusCodes.Status400BadRequest)
            : LinkPages.HtmlPage(request, new ApplyByEmailPage(opportunity, body.Email, new Dictionary<string, string[]>(), Sent: true));
    }

    private static async Task<IResult> AppliedElsewhereAsync(HttpRequest request, string opportunityId, string? token, PersonApplications service, CancellationToken ct)
    {
        var (result, applicant) = await service.ResolveAsync(token, ct);
        return applicant is null
            ? LinkPages.LinkProblem(request, result)
            : Done(request, token, await service.AppliedElsewhereAsync(applicant, opportunityId, ct));
    }

    private static async Task<IResult> AnotherTimeAsync(HttpRequest request, string applicationId, string? token, PersonApplications service, CancellationToken ct)
    {
        var (input, problem) = await ReadAsync<AnotherTimeInput>(request, form => new AnotherTimeInput(form["note"]), ct);
        return problem ?? await ActAsync(request, token, service, (a, c) => service.AskAnotherTimeAsync(a, applicationId, input!.Note, c), ct);
    }

    private static async Task<IResult> ActAsync(HttpRequest request, string? token, PersonApplications service, Func<ApplicantEntity, CancellationToken, Task<Result<PersonApplicationView>>> act, CancellationToken ct)
    {
        var (result, applicant) = await service.ResolveAsync(token, ct);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        return await act(applicant, ct) switch
        {
            Result<PersonApplicationView>.Ok ok => request.HasFormContentType || LinkPages.WantsHtml(request) ? BackToApplications(request, token, ok.Value.Id) : TypedResults.Ok(ok.Value),
            var refused => Refused(request, refused),
        };
    }

    /// <summary>201 with the new application (200 when it already existed); a browser goes to the status page.</summary>
    private static IResult Done(HttpRequest request, string? token, Result<Applied> applied)
    {
        if (applied is not Result<Applied>.Ok ok)
        {
            return Refused(request, applied);
        }

        if (request.HasFormContentType || LinkPages.WantsHtml(request))
        {
            return BackToApplications(request, token, ok.Value.Application.Id);
        }

        var view = PersonApplicationView.Of(ok.Value.Application);
        return ok.Value.Created ? TypedResults.Created((string?)null, view) : TypedResults.Ok(view);
    }

    private static IResult Refused<T>(HttpRequest request, Result<T> result) => result switch
    {
        Result<T>.Invalid invalid when !LinkPages.WantsHtml(request) && !request.HasFormContentType => TypedResults.ValidationProblem(invalid.Errors, title: ResultResponses.InvalidTitle),
        Result<T>.Invalid invalid => LinkPages.Problem(request, StatusCodes.Status400BadRequest, ResultResponses.InvalidTitle, string.Join(" ", invalid.Errors.Values.SelectMany(e => e))),
        Result<T>.NotFound notFound => LinkPages.Problem(request, StatusCodes.Status404NotFound, "Not found", notFound.Detail),
        Result<T>.Forbidden forbidden => LinkPages.Problem(request, StatusCodes.Status403Forbidden, "You cannot apply for this", forbidden.Reason),
        Result<T>.Conflict conflict => LinkPages.Problem(request, StatusCodes.Status409Conflict, "Not possible now", conflict.Reason),
        Result<T>.Stale stale => LinkPages.Problem(request, StatusCodes.Status412PreconditionFailed, ResultResponses.StaleTitle, stale.Reason),
        _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
    };

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, Func<IFormCollection, T> fromForm, CancellationToken ct)
        where T : class =>
        request.HasFormContentType ? (fromForm(await request.ReadFormAsync(ct)), null) : await JsonBody.ReadAsync<T>(request, ct);

    private static IResult BackToApplications(HttpRequest request, string? token, string applicationId)
    {
        LinkPages.NoStore(request);
        return Results.Redirect($"/api/applications{LinkPages.Query(token)}#app-{Uri.EscapeDataString(applicationId)}", permanent: false, preserveMethod: false);
    }
}

/// <summary>The JSON body of "apply" from an opportunity's page.</summary>
public sealed record ApplyByEmailRequest(string? Email);

/// <summary>The 202 body: the same for every well-formed address.</summary>
public sealed record ApplyByEmailAccepted(string Message)
{
    public const string Sent = "If that address has signed up with us and is confirmed, we have sent it a link to continue the application.";
}

/// <summary>The person asks for another interview time, saying what suits them.</summary>
public sealed record AnotherTimeInput(string? Note);
