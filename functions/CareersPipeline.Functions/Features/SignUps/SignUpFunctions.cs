using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Api;
using CareersPipeline.Functions.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareersPipeline.Functions.Features.SignUps;

/// <summary>Sign-up from every public door, its status, and its processing. Handlers only translate to and from HTTP.</summary>
public static class SignUpFunctions
{
    public static IReadOnlyList<FunctionDefinition> Definitions { get; } =
    [
        Door("SignUpWebsite", "signups/website", Core.People.Door.Website),
        Door("SignUpSchool", "signups/school", Core.People.Door.School),
        Door("SignUpEvent", "signups/event", Core.People.Door.Event),
        Door("SignUpProgramme", "signups/programme", Core.People.Door.Programme),
        HttpFunction.For("SignUpStatus", "GET", "signups/{applicantId}", GetStatusAsync, b => b.ProducesProblem(404).WithSummary("A sign-up's progress, with the token of its manage-your-data link")),
        HttpFunction.For("SendMyLinksForm", "GET", "signups/send-my-links", SendMyLinksPages.Form, b => b.Produces(200, contentType: "text/html").WithSummary("The form that asks for new links by email")),
        HttpFunction.For("SendMyLinks", "POST", "signups/send-my-links", SendMyLinksPages.SendAsync, b => b.Accepts<SendMyLinksRequest>("application/json", "application/x-www-form-urlencoded")
            .Produces<SendMyLinksAccepted>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Email new links to every sign-up made with an address (the same answer for every address)")),
        HttpFunction.For("VerifyEmail", ["GET", "POST"], "signups/verify-email", SignUpLinkPages.VerifyEmailAsync, b => b.Produces(200, contentType: "text/html").ProducesProblem(400).ProducesProblem(410)),
        HttpFunction.For("GuardianConsent", ["GET", "POST"], "signups/guardian-consent", SignUpLinkPages.GuardianConsentAsync, b => b.Produces(200, contentType: "text/html").ProducesProblem(400).ProducesProblem(410)),
        QueueFunction.For<SignUpMessage>("ProcessSignUp", StorageNames.Queues.SignUps, (services, message, ct) => services.GetRequiredService<SignUpProcessor>().HandleAsync(message, ct)),
        new TimerFunction("RecoverSignUps", "SIGNUP_RECOVERY_SCHEDULE", (services, _, ct) => services.GetRequiredService<SignUpRecoveryJob>().RunAsync(ct)),
        // The confirmation and the guardian's consent request, from the emails queue.
        QueueFunction.For<EmailMessage>("SendEmail", StorageNames.Queues.Emails, (services, message, ct) => services.GetRequiredService<SignUpEmailHandler>().HandleAsync(message, ct)),
    ];

    private static HttpFunction Door(string name, string route, Door door) =>
        HttpFunction.For(
            name,
            "POST",
            route,
            (HttpRequest request, SignUpService service, CancellationToken ct) => SubmitAsync(door, request, service, ct),
            b => b.Accepts<SignUpRequest>("application/json")
                .Produces<SignUpAccepted>(StatusCodes.Status202Accepted)
                .ProducesValidationProblem()
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status410Gone)
                .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
                .WithSummary($"Sign up through the {door.ToString().ToLowerInvariant()} door"));

    private static async Task<IResult> SubmitAsync(Door door, HttpRequest request, SignUpService service, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<SignUpRequest>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if ((AbuseLimits.CheckAddress(request.HttpContext, body!.Email) ?? AbuseLimits.CheckAddress(request.HttpContext, body.GuardianEmail)) is { } tooMany)
        {
            return tooMany;
        }

        return await service.SubmitAsync(door, body, cancellationToken) switch
        {
            SignUpOutcome.Accepted accepted => TypedResults.Accepted((string?)null, new SignUpAccepted(accepted.ApplicantId, SignUpAccepted.CheckYourEmail)),
            SignUpOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Some answers need correcting"),
            SignUpOutcome.UnknownCode unknown => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown code",
                detail: unknown.Message,
                extensions: new Dictionary<string, object?> { ["field"] = unknown.Field }),
            SignUpOutcome.RetiredCode retired => TypedResults.Problem(
                statusCode: StatusCodes.Status410Gone,
                title: "No longer taking sign-ups",
                detail: retired.Message,
                extensions: new Dictionary<string, object?> { ["field"] = retired.Field }),
            var other => throw new InvalidOperationException($"Unhandled outcome {other.GetType().Name}"),
        };
    }

    /// <summary>
    /// A sign-up's progress, for the holder of its "manage your data" link (the token in the query string): an id alone
    /// shows nothing, so a sign-up's answer (which carries the id) tells nobody anything about an address's owner.
    /// </summary>
    private static async Task<Results<Ok<SignUpStatusView>, ProblemHttpResult>> GetStatusAsync(string applicantId, string? token, PersonLinks links, CancellationToken cancellationToken)
    {
        var (result, applicant) = await links.ResolveAsync(PrivacyTokenPurposes.Manage, token, cancellationToken);
        return result == LinkResult.Done && applicant!.PartitionKey == applicantId
            ? TypedResults.Ok(SignUpStatusView.From(applicant))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no sign-up with that id, or the link's token is not for it.");
    }
}

/// <summary>
/// The 202 body, the same for every accepted sign-up whether or not the address was already known: the sign-up's id
/// (a reference; it opens nothing by itself) and what happens next.
/// </summary>
public sealed record SignUpAccepted(string ApplicantId, string Message)
{
    public const string CheckYourEmail = "Thank you. We have sent an email to the address given (or, for under-16s, to their parent or guardian) with what to do next.";
}
