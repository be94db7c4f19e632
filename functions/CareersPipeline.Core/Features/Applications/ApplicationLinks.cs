using CareersPipeline.Core.People;
using Microsoft.Extensions.Options;

namespace CareersPipeline.Core.Features.Applications;

/// <summary>
/// The signed links to a person's applications (the status page, and the apply pages for one opportunity). The
/// matches page's own links open the apply pages too, so "Apply" beside a match needs no second token.
/// </summary>
public sealed class ApplicationLinks(PersonLinks links, IOptions<PipelineOptions> pipeline)
{
    public const string Purpose = "applications";

    /// <summary>The purpose of the matches page's links (Matching's MatchLinks), accepted here as the same person's link.</summary>
    public const string MatchesPurpose = "matches";

    /// <summary>As long as the manage link: every email about an application carries a fresh one.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(28);

    public string Token(ApplicantEntity applicant) => links.Token(Purpose, applicant, Lifetime);

    public string StatusUrl(ApplicantEntity applicant) => $"{Api}/applications?{links.Query(Purpose, applicant, Lifetime)}";

    public string ApplyUrl(ApplicantEntity applicant, string opportunityId) =>
        $"{Api}/applications/apply/{Uri.EscapeDataString(opportunityId)}?{links.Query(Purpose, applicant, Lifetime)}";

    public async Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveAsync(string? token, CancellationToken cancellationToken)
    {
        var resolved = await links.ResolveAsync(Purpose, token, cancellationToken);
        return resolved.Result == LinkResult.Invalid ? await links.ResolveAsync(MatchesPurpose, token, cancellationToken) : resolved;
    }

    private string Api => pipeline.Value.PublicBaseUrl.TrimEnd('/') + "/api";
}
