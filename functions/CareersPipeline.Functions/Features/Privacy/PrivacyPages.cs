using System.Text.Json;
using System.Text.Json.Nodes;
using CareersPipeline.Core;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.People;
using CareersPipeline.Functions.Api;
using CareersPipeline.Web.Pages;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Functions.Features.Privacy;

/// <summary>
/// The privacy link's pages: manage consents, download a copy of your data, ask for erasure. A guardian's link
/// can only withdraw the guardian's consent, which deletes the child's details.
/// </summary>
public static class PrivacyPages
{
    public static async Task<IResult> ManageAsync(HttpRequest request, string? token, PrivacySelfService service, IOptions<PipelineOptions> options, CancellationToken cancellationToken)
    {
        var link = await service.ResolveAsync(token, cancellationToken);
        if (link.Applicant is not { } applicant)
        {
            return LinkPages.LinkProblem(request, link.Result);
        }

        var view = await service.DescribeAsync(applicant, link.Holder, cancellationToken);
        var equality = view.Holder == PrivacyLinkHolder.Person ? service.EqualityLink(applicant, options.Value.PublicBaseUrl) : null;
        var page = new ManagePrivacyPage(view, LinkPages.Query(token), equality, PrivacyLinks.NoticeUrl(options.Value.PublicBaseUrl));
        return LinkPages.Page(request, StatusCodes.Status200OK, page, view);
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
            WithdrawOutcome.Withdrawn => LinkPages.Page(request, StatusCodes.Status200OK, "Consent withdrawn", WithdrawnText(parsed), json),
            WithdrawOutcome.AlreadyWithdrawn => LinkPages.Page(request, StatusCodes.Status200OK, "Already withdrawn", "You had not agreed to this, or had already withdrawn. There is nothing more to do.", json),
            WithdrawOutcome.DetailsDeleted => LinkPages.Page(request, StatusCodes.Status200OK, "Consent withdrawn and details deleted", "We have deleted everything we held about your child and will not contact them.", json),
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
            return LinkPages.HtmlPage(request, new MessagePage("Delete your details",
                ["We will delete everything we hold about you: every sign-up, your consents, your equality monitoring answers and copies of emails we sent you. "
                + "We keep only anonymous counts (for example, how many people signed up each month). This cannot be undone."],
                LinkPages.Button(token, "Delete my details")));
        }

        var outcome = await service.EraseAsync(applicant, cancellationToken);
        return outcome is null
            ? LinkPages.LinkProblem(request, LinkResult.NotFound)
            : LinkPages.Page(request, StatusCodes.Status200OK, "Your details have been deleted",
                $"We have deleted everything we held about you. Your erasure reference is {outcome.Reference}.",
                new ErasureResponse(outcome.Reference, outcome.People, outcome.Items, outcome.ErasedAt));
    }

    public static async Task<IResult> SignOutEverywhereAsync(HttpRequest request, string? token, PrivacySelfService service, CancellationToken cancellationToken)
    {
        var link = await service.ResolveAsync(token, cancellationToken);
        if (link.Applicant is not { } applicant)
        {
            return LinkPages.LinkProblem(request, link.Result);
        }

        if (link.Holder != PrivacyLinkHolder.Person)
        {
            return LinkPages.Problem(request, StatusCodes.Status403Forbidden, "Not allowed", "Only the person's own link can do this.");
        }

        await service.SignOutEverywhereAsync(applicant, cancellationToken);
        return LinkPages.Page(request, StatusCodes.Status200OK, "Signed out everywhere",
            "Every link we have sent you no longer works, this one too. Our next email to you will carry new links, or ask for them on our website.");
    }

    /// <summary>A subject access export: JSON (as a download) unless the page was asked for.</summary>
    internal static IResult Export(HttpRequest request, JsonObject export, string applicantId, string? format)
    {
        LinkPages.NoStore(request);
        var html = string.Equals(format, "html", StringComparison.OrdinalIgnoreCase)
            || (format is null && LinkPages.WantsHtml(request));
        if (html)
        {
            return new PageResult(new SubjectAccessPage(SubjectAccessReport.From(export)));
        }

        request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"personal-data-{applicantId}.json\"";
        return Results.Text(export.ToJsonString(Indented), "application/json; charset=utf-8");
    }

    private static readonly JsonSerializerOptions Indented = new(JsonDefaults.Options) { WriteIndented = true };

    private static string WithdrawnText(ConsentPurpose purpose) => purpose switch
    {
        ConsentPurpose.Contact => "We have stopped emailing you about opportunities, straight away. We will still answer you if you contact us.",
        ConsentPurpose.Marketing => "We have stopped sending you news and campaigns, straight away.",
        _ => "We have deleted your equality monitoring answers.",
    };
}

/// <summary>What an erasure answers: its reference in the audit trail, and how much was removed.</summary>
public sealed record ErasureResponse(string ErasureReference, int People, int ItemsRemoved, DateTimeOffset ErasedAt);
