using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.SignUps;

/// <summary>
/// The pages behind the sign-up emails' links: verify an address, give a guardian's consent (see <see cref="LinkPages"/>).
/// </summary>
public static class SignUpLinkPages
{
    public static async Task<IResult> VerifyEmailAsync(HttpRequest request, string? token, SignUpLinks links, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            return LinkPages.Page(request, StatusCodes.Status200OK, new MessagePage("Confirm your email address",
                ["Confirm this is your email address so we can send you health and care opportunities."],
                LinkPages.Button(token, "Confirm my email address")));
        }

        var result = await links.VerifyEmailAsync(token, cancellationToken);
        return Outcome(request, result, "Email address confirmed", "Thank you. Your answers are saved, and we will send you opportunities that match what you told us.");
    }

    public static async Task<IResult> GuardianConsentAsync(HttpRequest request, string? token, SignUpLinks links, CancellationToken cancellationToken)
    {
        if (HttpMethods.IsGet(request.Method))
        {
            var result = await links.CheckGuardianRequestAsync(token, cancellationToken);
            if (result != LinkResult.Done)
            {
                return Outcome(request, result, string.Empty, string.Empty);
            }

            return LinkPages.Page(request, StatusCodes.Status200OK, new MessagePage("Give consent",
                [
                    // No name: whoever signed up typed it, and this page must not carry their words to the guardian.
                    "Someone under 16 gave your email address as their parent's or guardian's when they asked to hear about health and care careers, work experience and apprenticeships.",
                    "If you agree, we will store the details they gave us, email them about opportunities that suit them, and never share their details with employers before they are 16. We never send marketing to under-16s.",
                ],
                LinkPages.Button(token, "I agree")));
        }

        var outcome = await links.GiveGuardianConsentAsync(token, cancellationToken);
        return Outcome(request, outcome, "Thank you for giving consent", "We will now confirm the sign-up and send the next steps.");
    }

    private static IResult Outcome(HttpRequest request, LinkResult result, string doneTitle, string doneBody) => result switch
    {
        LinkResult.Done => LinkPages.Page(request, StatusCodes.Status200OK, doneTitle, doneBody),
        LinkResult.AlreadyDone => LinkPages.Page(request, StatusCodes.Status200OK, "Already done", "This link has already been used. There is nothing more to do."),
        LinkResult.Expired => LinkPages.Problem(request, StatusCodes.Status410Gone, "This link has expired", "Links in our emails work for a limited time. Sign up again to get a new one."),
        LinkResult.Revoked => LinkPages.LinkProblem(request, result),
        LinkResult.NotFound => LinkPages.Problem(request, StatusCodes.Status404NotFound, "Sign-up not found", "We no longer hold the sign-up this link was for."),
        _ => LinkPages.Problem(request, StatusCodes.Status400BadRequest, "This link is not valid", "Check you copied the whole link from the email."),
    };
}
