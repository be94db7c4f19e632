namespace CareersPipeline.Core.Features.Matching;

/// <summary>
/// The shared HTML of the match emails, as SendGrid substitution tags: each recipient's values replace them (their
/// name, the intro, their matches, their links and footer). The values of the *Html tags are already HTML.
/// </summary>
public sealed record MatchEmailTemplate(string NameHtml, string IntroHtml, string ItemsHtml, string MatchesUrlHtml, string UnsubscribeUrlHtml, string FooterHtml);
