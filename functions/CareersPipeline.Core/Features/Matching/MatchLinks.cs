using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The signed links of match emails (subject = applicant id): the person's matches page, which opens without a
/// password while the link is valid, and the one-click unsubscribe.
/// </summary>
public sealed class MatchLinks(PersonLinks links, Microsoft.Extensions.Options.IOptions<PipelineOptions> pipeline, Microsoft.Extensions.Options.IOptions<MatchingOptions> options)
{
    public const string MatchesPurpose = "matches";
    public const string UnsubscribePurpose = "match-unsubscribe";

    /// <summary>Long enough that an unsubscribe link in any email still works when someone finally uses it.</summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(365);

    public string MatchesUrl(ApplicantEntity applicant) => $"{Api}/matches?{links.Query(MatchesPurpose, applicant, options.Value.LinkLifetime)}";

    public string UnsubscribeUrl(ApplicantEntity applicant) => $"{Api}/matches/unsubscribe?{links.Query(UnsubscribePurpose, applicant, UnsubscribeLifetime)}";

    /// <summary>Who a matches (or unsubscribe) link is for.</summary>
    public Task<(LinkResult Result, ApplicantEntity? Applicant)> ResolveAsync(string? token, bool unsubscribeLink, CancellationToken cancellationToken) =>
        links.ResolveAsync(unsubscribeLink ? UnsubscribePurpose : MatchesPurpose, token, cancellationToken);

    private string Api => pipeline.Value.PublicBaseUrl.TrimEnd('/') + "/api";
}
