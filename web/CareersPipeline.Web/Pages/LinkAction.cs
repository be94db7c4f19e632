namespace CareersPipeline.Web.Pages;

/// <summary>
/// A button that posts to <paramref name="Url"/>: pages behind links in emails act only on POST, because mail
/// scanners follow links and must not act on anyone's behalf.
/// </summary>
public sealed record LinkAction(string Url, string Label, bool Secondary = false);
