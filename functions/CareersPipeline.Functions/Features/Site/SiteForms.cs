using CareersPipeline.Core.Features.SignUps;
using CareersPipeline.Core.Features.Site;
using CareersPipeline.Core.People;
using CareersPipeline.Core.ReferenceData;
using CareersPipeline.Functions.Api;

namespace CareersPipeline.Functions.Features.Site;

/// <summary>
/// The site's sign-up forms post here (application/x-www-form-urlencoded). The form becomes a <see cref="SignUpRequest"/>
/// and goes through the same <see cref="SignUpService"/> as the JSON API. Accepted: 303 to the thank-you page. Otherwise
/// the same form template comes back with an error summary, every answer kept, and each error by its field.
/// </summary>
internal static class SiteForms
{
    public static async Task<IResult> SignUpAsync(string door, HttpContext context, SignUpService signUps, ReferenceDataStore referenceData, SiteRendering rendering, CancellationToken ct)
    {
        if (!Enum.TryParse<Door>(door, ignoreCase: true, out var parsed) || !Enum.GetNames<Door>().Contains(door, StringComparer.OrdinalIgnoreCase))
        {
            return SiteHtml.Page(context, new NotFoundPage(), StatusCodes.Status404NotFound);
        }

        if (!context.Request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the form as application/x-www-form-urlencoded, as the site's form does.");
        }

        var form = await context.Request.ReadFormAsync(ct);
        var values = new FormValues(form.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value.Select(v => v ?? string.Empty)], StringComparer.Ordinal));
        var language = rendering.Renderer.Languages.FirstOrDefault(l => l.Code == values.One("preferredLanguage"))?.Code ?? SiteLanguage.English;

        // The honeypot: a field people never see, so only a robot fills it. It is told "thank you" and nothing is kept.
        if (!string.IsNullOrEmpty(values.One(SignUpForm.HoneypotField)))
        {
            return SiteHtml.SeeOther(context, SiteHtml.SiteUrl(rendering, new SignUpDonePage { Language = language }.Path));
        }

        var request = SignUpForm.ToRequest(values);
        if ((AbuseLimits.CheckAddress(context, request.Email) ?? AbuseLimits.CheckAddress(context, request.GuardianEmail)) is { } tooMany)
        {
            return tooMany;
        }

        var outcome = await signUps.SubmitAsync(parsed, request, ct);
        if (outcome is SignUpOutcome.Accepted)
        {
            return SiteHtml.SeeOther(context, SiteHtml.SiteUrl(rendering, new SignUpDonePage { Language = language }.Path));
        }

        var errors = outcome switch
        {
            SignUpOutcome.Invalid invalid => invalid.Errors,
            SignUpOutcome.UnknownCode unknown => new Dictionary<string, string[]> { [unknown.Field] = [unknown.Message] },
            SignUpOutcome.RetiredCode retired => new Dictionary<string, string[]> { [retired.Field] = [retired.Message] },
            _ => throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}"),
        };
        var page = new SignUpPage(parsed, await SubjectAsync(parsed, values, referenceData, ct), await referenceData.ListOpenAsync(ReferenceKind.School, ct), SignUpFormState.WithErrors(values, errors))
        {
            Language = language,
        };
        return SiteHtml.Page(context, page, StatusCodes.Status400BadRequest);
    }

    /// <summary>The event or programme the form was for; a code we do not know still shows, so the page can say so.</summary>
    private static async Task<ReferenceItem?> SubjectAsync(Door door, FormValues values, ReferenceDataStore referenceData, CancellationToken ct)
    {
        (ReferenceKind? kind, string? code) = door switch
        {
            Door.Event => (ReferenceKind.Event, values.One("eventCode")),
            Door.Programme => (ReferenceKind.Programme, values.One("programmeCode")),
            _ => ((ReferenceKind?)null, (string?)null),
        };
        if (kind is null)
        {
            return null;
        }

        var found = string.IsNullOrEmpty(code) ? null : await referenceData.FindAsync(kind.Value, code, ct);
        return found ?? new ReferenceItem(kind.Value, code ?? string.Empty, code ?? kind.Value.ToString(), string.Empty, string.Empty);
    }
}
