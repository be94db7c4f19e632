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
        HttpFunction.For("SignUpStatus", "GET", "signups/{applicantId}", GetStatusAsync),
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
            SignUpOutcome.Accepted accepted => TypedResults.Accepted(StatusUrl(accepted.ApplicantId), new SignUpAccepted(accepted.ApplicantId, accepted.Status, StatusUrl(accepted.ApplicantId), accepted.Repeat)),
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

    private static async Task<Results<Ok<SignUpStatusView>, ProblemHttpResult>> GetStatusAsync(string applicantId, ApplicantStore applicants, CancellationToken cancellationToken)
    {
        var applicant = ApplicantIds.IsWellFormed(applicantId) ? await applicants.FindAsync(applicantId, cancellationToken) : null;
        return applicant is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "There is no sign-up with that id.")
            : TypedResults.Ok(SignUpStatusView.From(applicant));
    }

    private static string StatusUrl(string applicantId) => $"/{HttpFunction.RoutePrefix}/signups/{applicantId}";
}

/// <summary>The 202 body: the applicant id and where to follow progress.</summary>
public sealed record SignUpAccepted(string ApplicantId, ApplicantStatus Status, string StatusUrl, bool Repeat);
