using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CareersPipeline.Functions.Tests.Features.Site;

public static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) => Parse(await response.Content.ReadAsStringAsync());

    /// <summary>The error summary's links: (href, text).</summary>
    public static IReadOnlyList<(string Href, string Text)> ErrorSummary(IDocument page) =>
        [.. page.QuerySelectorAll(".nhsuk-error-summary__list a").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim()))];
}
