using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.People;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using CareersPipeline.Functions.Api;

namespace CareersPipeline.Functions.Features.Privacy;

/// <summary>
/// The privacy link's pages: manage consents, download a copy of your data, ask for erasure. A guardian's link
/// can only withdraw the guardian's consent, which deletes the child's details.
/// </summary>
public static class PrivacyPages
{
    public static IResult Notice(IOptions<PipelineOptions> options)
    {
        return Results.Content(PrivacyNotice.Html(options.Value.IcsName, options.Value.PublicBaseUrl), "text/html; charset=utf-8");
    }

    public static async Task<IResult> ManageAsync(HttpRequest request, string? token, PrivacySelfService service, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var link = await service.ResolveAsync(token, cancellationToken);
        if (link.Applicant is not { } applicant)
        {
            return LinkPages.LinkProblem(request, link.Result);
        }

        var view = await service.DescribeAsync(applicant, link.Holder, cancellationToken);
        var q = LinkPages.Query(token);
        var api = options.Value.PublicBaseUrl.TrimEnd('/') + "/api";
        var html = new StringBuilder();
        if (view.Holder == PrivacyLinkHolder.Guardian)
        {
            var name = LinkPages.Encode(view.FirstName);
            html.Append("<p>This page is for the parent or guardian of ").Append(name).Append(". Nothing happens to ").Append(name)
                .Append("'s details unless you agree, and you can change your mind at any time.</p>");
            html.Append("<p>If you withdraw (or do not give) your consent, we delete everything we hold about ").Append(name).Append(" straight away.</p>")
                .Append(LinkPages.Button($"{api}/privacy/consents/{ConsentPurpose.GuardianConsent}/withdraw{q}", "Withdraw consent and delete the details"));
        }
        else
        {
            html.Append("<p>Hello ").Append(LinkPages.Encode(view.FirstName)).Append(". Here you can stop us contacting you, get a copy of everything we hold about you, or ask us to delete it.</p>")
                .Append("<h2>Your consents</h2><table><thead><tr><th scope=\"col\">What</th><th scope=\"col\">Now</th><th scope=\"col\"></th></tr></thead><tbody>");
            foreach (var consent in view.Consents)
            {
                html.Append("<tr><td>").Append(LinkPages.Encode(Describe(consent.Purpose))).Append("</td><td>")
                    .Append(consent.Granted ? "You agreed" : "Not agreed").Append("</td><td>")
                    .Append(consent.Granted ? LinkPages.Button($"{api}/privacy/consents/{consent.Purpose}/withdraw{q}", "Withdraw") : string.Empty)
                    .Append("</td></tr>");
            }

            html.Append("</tbody></table>");
            if (view.UnderSixteen)
            {
                html.Append("<p>We never send news or campaigns to anyone under 16, and never show your details to employers before you are 16.</p>");
            }

            html.Append("<h2>Your data</h2><p>Download a copy of everything we hold about you: <a href=\"").Append(LinkPages.Encode($"{api}/privacy/my-data{q}&format=html"))
                .Append("\">as a web page</a> or <a href=\"").Append(LinkPages.Encode($"{api}/privacy/my-data{q}&format=json"))
                .Append("\">as a JSON file</a>.</p>");
            if (service.EqualityLink(applicant, options.Value.PublicBaseUrl) is { } equality)
            {
                html.Append("<h2>Equality monitoring</h2><p>Help us check the service is fair to everyone: <a href=\"").Append(LinkPages.Encode(equality))
                    .Append("\">answer some optional questions</a>. Your answers are kept apart from your name and only ever counted.</p>");
            }

            html.Append("<h2>Delete your details</h2><p><a href=\"").Append(LinkPages.Encode($"{api}/privacy/erase{q}")).Append("\">Ask us to delete everything we hold about you</a>.</p>");
        }

        html.Append("<p><a href=\"").Append(LinkPages.Encode(PrivacyLinks.NoticeUrl(options.Value.PublicBaseUrl))).Append("\">How we use your information</a></p>");
        return LinkPages.Page(request, StatusCodes.Status200OK, "Manage your consent and your data", html.ToString(), view);
    }

    public static async Task<IResult> WithdrawAsync(HttpRequest request, string purpose, string? token, PrivacySelfService service, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ConsentPurpose>(purpose, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(purpose, out _))
        {
            return LinkPages.Problem(request, StatusCodes.Status404NotFound, "Unknown consent", $"There is no consent called that. Use one of: {string.Join(", ", Enum.GetNames<ConsentPurpose>())}.");
        }

        var link = await service.ResolveAsync(token, cancellationToken);
        if (link.Applicant is not { } applicant)
        {
            return LinkPages.LinkProblem(request, link.Result);
        }

        var outcome = await service.WithdrawAsync(applicant, link.Holder, parsed, cancellationToken);
        var json = new WithdrawResponse(parsed, outcome);
        return outcome switch
        {
            WithdrawOutcome.Withdrawn => LinkPages.Page(request, StatusCodes.Status200OK, "Consent withdrawn",
                $"<p>{LinkPages.Encode(WithdrawnText(parsed))}</p>", json),
            WithdrawOutcome.AlreadyWithdrawn => LinkPages.Page(request, StatusCodes.Status200OK, "Already withdrawn", "<p>You had not agreed to this, or had already withdrawn. There is nothing more to do.</p>", json),
            WithdrawOutcome.DetailsDeleted => LinkPages.Page(request, StatusCodes.Status200OK, "Consent withdrawn and details deleted", "<p>We have deleted everything we held about your child and will not contact them.</p>", json),
            _ => LinkPages.Problem(request, StatusCodes.Status403Forbidden, "Not allowed", "This link cannot change that consent."),
        };
    }

    public static async Task<IResult> MyDataAsync(HttpRequest request, string? token, string? format, PrivacySelfService service, CancellationToken cancellationToken)
    {
        var link = await service.ResolveAsync(token, cancellationToken);
        if (link.Applicant is not { } applicant)
        {
            return LinkPages.LinkProblem(request, link.Result);
        }

        if (link.Holder != PrivacyLinkHolder.Person)
        {
            return LinkPages.Problem(request, StatusCodes.Status403Forbidden, "Not allowed", "Only the person themselves can download their data with this link.");
        }

        var export = await service.ExportAsync(applicant, cancellationToken);
        return export is null ? LinkPages.LinkProblem(request, LinkResult.NotFound) : Export(request, export, applicant.PartitionKey, format);
    }

    public static async Task<IResult> EraseAsync(HttpRequest request, string? token, PrivacySelfService service, CancellationToken cancellationToken)
    {
        var link = await service.ResolveAsync(token, cancellationToken);
        if (link.Applicant is not { } applicant)
        {
            return LinkPages.LinkProblem(request, link.Result);
        }

        if (link.Holder != PrivacyLinkHolder.Person)
        {
            return LinkPages.Problem(request, StatusCodes.Status403Forbidden, "Not allowed", "Use the button on the consent page to withdraw your consent; that deletes the details.");
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return LinkPages.HtmlPage(request, "Delete your details",
                "<p>We will delete everything we hold about you: every sign-up, your consents, your equality monitoring answers and copies of emails we sent you. "
                + "We keep only anonymous counts (for example, how many people signed up each month). This cannot be undone.</p>"
                + LinkPages.Button(LinkPages.Query(token), "Delete my details"));
        }

        var outcome = await service.EraseAsync(applicant, cancellationToken);
        return outcome is null
            ? LinkPages.LinkProblem(request, LinkResult.NotFound)
            : LinkPages.Page(request, StatusCodes.Status200OK, "Your details have been deleted",
                $"<p>We have deleted everything we held about you. Your erasure reference is {LinkPages.Encode(outcome.Reference)}.</p>",
                new ErasureResponse(outcome.Reference, outcome.People, outcome.Items, outcome.ErasedAt));
    }

    /// <summary>A subject access export: JSON (as a download) unless the page was asked for.</summary>
    internal static IResult Export(HttpRequest request, JsonObject export, string applicantId, string? format)
    {
        LinkPages.NoStore(request);
        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase)
            || (format is null && LinkPages.WantsHtml(request));
        if (html)
        {
            return Results.Content(SubjectAccessHtml.Render(export), "text/html; charset=utf-8");
        }

        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"personal-data-{applicantId}.json\"";
        return Results.Text(export.ToJsonString(Indented), "application/json; charset=utf-8");
    }

    private static readonly JsonSerializerOptions Indented = new(JsonDefaults.Options) { WriteIndented = true };

    private static string Describe(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Contact => "Emails about opportunities, matches and next steps",
        ConsentPurpose.Marketing => "News and campaigns",
        ConsentPurpose.EqualityMonitoring => "Keeping your equality monitoring answers",
        _ => "A parent or guardian's consent",
    };

    private static string WithdrawnText(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Contact => "We have stopped emailing you about opportunities, straight away. We will still answer you if you contact us.",
        ConsentPurpose.Marketing => "We have stopped sending you news and campaigns, straight away.",
        _ => "We have deleted your equality monitoring answers.",
    };
}

/// <summary>What an erasure answers: its reference in the audit trail, and how much was removed.</summary>
public sealed record ErasureResponse(string ErasureReference, int People, int ItemsRemoved, DateTimeOffset ErasedAt);
