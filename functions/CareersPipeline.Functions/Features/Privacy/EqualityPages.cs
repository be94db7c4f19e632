using System.Text;
using System.Text.RegularExpressions;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Functions.Api;
using Microsoft.AspNetCore.Http;

namespace CareersPipeline.Functions.Features.Privacy;

/// <summary>
/// POST /api/signups/{applicantId}/equality?token=... takes the optional equality monitoring answers (JSON, or the
/// form GET shows). The link is signed for that applicant; under-16s are not asked.
/// </summary>
public static partial class EqualityPages
{
    private static readonly (string Field, string Question, string[] Options)[] Questions =
    [
        ("ethnicity", "What is your ethnic group?", Enum.GetNames<EthnicGroup>()),
        ("disability", "Do you consider yourself to have a disability or long-term health condition?", Enum.GetNames<DisabilityAnswer>()),
        ("religion", "What is your religion or belief?", Enum.GetNames<Religion>()),
        ("sex", "What is your sex?", Enum.GetNames<SexAnswer>()),
        ("genderSameAsSexAtBirth", "Is the gender you identify with the same as your sex registered at birth?", Enum.GetNames<GenderIdentityAnswer>()),
        ("sexualOrientation", "Which of the following best describes your sexual orientation?", Enum.GetNames<SexualOrientation>()),
        ("ageBand", "What is your age?", Enum.GetNames<AgeBand>()),
    ];

    public static async Task<IResult> HandleAsync(HttpRequest request, string applicantId, string? token, PrivacySelfService service, CancellationToken cancellationToken)
    {
        var (result, applicant) = await service.ResolveEqualityLinkAsync(applicantId, token, cancellationToken);
        if (applicant is null)
        {
            return LinkPages.LinkProblem(request, result);
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return Form(request, token);
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
                "<p>Your answers are saved, apart from your name and contact details. You can withdraw them at any time through the link in our emails.</p>",
                new StatusResponse("Saved")),
            EqualityOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "Some answers need correcting"),
            _ => LinkPages.Problem(request, StatusCodes.Status403Forbidden, "Not asked of under-16s", "We do not ask equality monitoring questions of anyone under 16."),
        };
    }

    private static IResult Form(HttpRequest request, string? token)
    {
        var html = new StringBuilder("<p>These questions are optional: leave out any you like, or choose \"Prefer not to say\". ")
            .Append("Your answers are stored apart from your name and contact details, and are only ever reported as counts, with small numbers hidden. Staff never see your answers.</p>")
            .Append("<form method=\"post\" action=\"").Append(LinkPages.Encode(LinkPages.Query(token))).Append("\">");
        foreach (var (field, question, options) in Questions)
        {
            html.Append("<p><label for=\"").Append(field).Append("\">").Append(LinkPages.Encode(question)).Append("</label><br><select id=\"").Append(field)
                .Append("\" name=\"").Append(field).Append("\"><option value=\"\">Not answered</option>");
            foreach (var option in options)
            {
                html.Append("<option value=\"").Append(option).Append("\">").Append(LinkPages.Encode(Label(option))).Append("</option>");
            }

            html.Append("</select></p>");
        }

        return LinkPages.HtmlPage(request, "Equality monitoring", html.Append("<button class=\"nhsuk-button\" type=\"submit\">Save my answers</button></form>").ToString());
    }

    // "WhiteGypsyOrIrishTraveller" -> "White Gypsy Or Irish Traveller", "From16To17" -> "From 16 To 17".
    private static string Label(string name) => WordBoundary().Replace(name, " ");

    [GeneratedRegex("(?<=[a-z])(?=[A-Z0-9])|(?<=[0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();
}
