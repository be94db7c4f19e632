namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The signed links of match emails (subject = applicant id): the person's matches page, which opens without a
/// password while the link is valid, and the one-click unsubscribe.
/// </summary>
public sealed class MatchLinks(SignedTokens tokens, Microsoft.Extensions.Options.IOptions<PipelineOptions> pipeline, Microsoft.Extensions.Options.IOptions<MatchingOptions> options)
{
    public const string MatchesPurpose = "matches";
    public const string UnsubscribePurpose = "match-unsubscribe";

    /// <summary>Long enough that an unsubscribe link in any email still works when someone finally uses it.</summary>
    public static readonly TimeSpan UnsubscribeLifetime = TimeSpan.FromDays(365);

    public string MatchesUrl(string applicantId) => $"{Api}/matches?token={Token(MatchesPurpose, applicantId, options.Value.LinkLifetime)}";

    public string UnsubscribeUrl(string applicantId) => $"{Api}/matches/unsubscribe?token={Token(UnsubscribePurpose, applicantId, UnsubscribeLifetime)}";

    /// <summary>Who the token is for, when it is a valid matches link.</summary>
    public TokenCheck ReadMatches(string? token) => tokens.Read(MatchesPurpose, token);

    public TokenCheck ReadUnsubscribe(string? token) => tokens.Read(UnsubscribePurpose, token);

    private string Api => pipeline.Value.PublicBaseUrl.TrimEnd('/') + "/api";

    private string Token(string purpose, string applicantId, TimeSpan lifetime) => Uri.EscapeDataString(tokens.Create(purpose, applicantId, lifetime));
}
