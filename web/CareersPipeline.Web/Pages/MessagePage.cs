namespace CareersPipeline.Web.Pages;

/// <summary>A heading, a few paragraphs and at most one button: what most link pages, their outcomes and their problems are.</summary>
public sealed record MessagePage(string Heading, IReadOnlyList<string> Paragraphs, LinkAction? Action = null) : AppPage
{
    public override string Title => Heading;
}
