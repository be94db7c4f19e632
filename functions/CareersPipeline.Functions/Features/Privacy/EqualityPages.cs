using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;

namespace CareersPipeline.Functions.Features.Privacy;

/// <summary>
/// POST /api/signups/{applicantId}/equality?token=... takes the optional equality monitoring answers (JSON, or the
/// form GET shows). The link is signed for that applicant; under-16s are not asked.
/// </summary>
public static class EqualityPages
{
    public static async Task<IResult> HandleAsync(HttpRequest request, string applicantId, string? token, PrivacySelfService service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveEqualityLinkAsync(applicantId, token, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return LinkPages.HtmlPage(request, new EqualityFormPage(LinkPages.Query(token)));
        }

        EqualityRequest? body;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            body = new EqualityRequest
            {
                Ethnicity = form["ethnicity"],
                Disability = form["disability"],
                Religion = form["religion"],
                Sex = form["sex"],
                GenderSameAsSexAtBirth = form["genderSameAsSexAtBirth"],
                SexualOrientation = form["sexualOrientation"],
                AgeBand = form["ageBand"],
            };
        }
        else
        {
            (body, var problem) = await JsonBody.ReadAsync<EqualityRequest>(request, cancellationToken);
            if (problem is not null)
            {
                return problem;
            }
        }

        return await service.SubmitEqualityAsync(applicant, body!, cancellationToken) switch
        {
            EqualityOutcome.Saved => LinkPages.Page(request, StatusCodes.Status200OK, "Thank you",
                "Your answers are saved, apart from your name and contact details. You can withdraw them at any time through the link in our emails.",
                new StatusResponse("Saved")),
            EqualityOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Some answers need correcting"),
            _ => LinkPages.Problem(request, StatusCodes.Status403Forbidden, "Not asked of under-16s", "We do not ask equality monitoring questions of anyone under 16."),
        };
    }
}
