namespace CareersPipeline.Core.Features.Site;

/// <summary>A language the site is written in. English pages live at the root; others under /{code}/.</summary>
public sealed record SiteLanguage(string Code, string Name, bool RightToLeft)
{
    public const string English = "en";

    public string Direction => RightToLeft ? "rtl" : "ltr";

    /// <summary>"" for English, "uk/" for Ukrainian: the folder a translated page lives in.</summary>
    public string Folder => Code == English ? string.Empty : Code + "/";
}
