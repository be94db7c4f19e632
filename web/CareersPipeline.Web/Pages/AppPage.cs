using CareersPipeline.Core.Features.Site;

namespace CareersPipeline.Web.Pages;

/// <summary>
/// A page the function app renders on request instead of publishing to $web: behind a link in an email, or a local
/// developer page. It goes through the same renderer and layout as the site; it is never translated or indexed.
/// </summary>
public abstract record AppPage : SitePage
{
    /// <summary>The heading, and the page's title.</summary>
    public abstract string Title { get; }

    /// <summary>Not a file in $web: the function app serves it at its own route.</summary>
    public sealed override string Path => string.Empty;

    public sealed override bool IsSearchable => false;
}
